// Package shapes is interface and generic code with contracts: areas
// through a Shape interface (a method call vsynth resolves over the
// implementations in the loaded packages), a validating constructor that
// follows the if err != nil idiom, and a generic Largest checked at every
// integer type its constraint allows. AreaSum forgets that a *Rect in the
// interface may be nil; vsynth refutes it with s = (*Rect)(nil).
package shapes
