package specs

import (
	"cmp"
	"go/token"
	"slices"
	"strings"
)

// Error is one positioned problem in a spec.
type Error struct {
	Pos token.Position
	Msg string
}

// Error formats the error as "file:line:col: msg"; the file, or the whole
// position, is left out when unknown.
func (e *Error) Error() string {
	if e.Pos.IsValid() {
		return e.Pos.String() + ": " + e.Msg
	}
	return e.Msg
}

// ErrorList is a list of spec errors, kept sorted by position.
type ErrorList []*Error

// Error joins the errors with newlines.
func (list ErrorList) Error() string {
	var b strings.Builder
	for i, e := range list {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap exposes the individual errors to errors.Is and errors.As.
func (list ErrorList) Unwrap() []error {
	errs := make([]error, len(list))
	for i, e := range list {
		errs[i] = e
	}
	return errs
}

// Sort orders the list by file, line and column (stable for equal positions).
func (list ErrorList) Sort() {
	slices.SortStableFunc(list, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Pos.Filename, b.Pos.Filename),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Column, b.Pos.Column),
		)
	})
}

// Err returns nil for an empty list and the sorted list otherwise, so that
// callers never return a non-nil error interface holding an empty list.
func (list ErrorList) Err() error {
	if len(list) == 0 {
		return nil
	}
	list.Sort()
	return list
}

// errorCollector gathers positioned errors for one parse or check.
type errorCollector struct {
	fset *token.FileSet
	list ErrorList
}

func (c *errorCollector) add(pos token.Pos, msg string) {
	var position token.Position
	if c.fset != nil && pos.IsValid() {
		position = c.fset.Position(pos)
	}
	c.list = append(c.list, &Error{Pos: position, Msg: msg})
}

// addAll appends errors that already carry positions.
func (c *errorCollector) addAll(err error) {
	if err == nil {
		return
	}
	if list, ok := err.(ErrorList); ok {
		c.list = append(c.list, list...)
		return
	}
	if e, ok := err.(*Error); ok {
		c.list = append(c.list, e)
		return
	}
	c.list = append(c.list, &Error{Msg: err.Error()})
}

func (c *errorCollector) err() error {
	return c.list.Err()
}
