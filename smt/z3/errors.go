package z3

// #include "glue.h"
import "C"

import "fmt"

// Error is an error reported by Z3.
type Error struct {
	Op   string // the operation of this package that failed
	Code int    // the Z3_error_code
	Msg  string // Z3's message
}

func (e *Error) Error() string { return fmt.Sprintf("z3: %s: %s", e.Op, e.Msg) }

// lastError returns the error Z3 recorded for the context's last call, or
// nil when there is none.
func (c *Context) lastError(op string) error {
	code := C.Z3_get_error_code(c.c)
	if code == C.Z3_OK {
		return nil
	}
	return &Error{Op: op, Code: int(code), Msg: C.GoString(C.Z3_get_error_msg(c.c, code))}
}

// failed returns the error of a call that reported failure: Z3's if it
// recorded one, a generic one otherwise.
func (c *Context) failed(op string) error {
	if err := c.lastError(op); err != nil {
		return err
	}
	return &Error{Op: op, Code: -1, Msg: "failed"}
}
