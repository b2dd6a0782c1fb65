// Package average is the average of two int32 values under
// //vsynth:nooverflow: the direct (a + b) / 2 wraps, and vsynth refutes it
// with an input on which the compiled Go wraps; the average computed in
// int64 and converted back is proved never to wrap.
package average
