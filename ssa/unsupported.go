package ssa

import (
	"fmt"
	"go/token"
)

// UnsupportedError reports a construct the lowering does not model. A function
// that contains one is never proved: its verdict is unsupported.
type UnsupportedError struct {
	Pos  token.Pos
	What string
}

func (u *UnsupportedError) Error() string { return "unsupported: " + u.What }

func unsupported(pos token.Pos, format string, args ...any) error {
	return &UnsupportedError{Pos: pos, What: fmt.Sprintf(format, args...)}
}
