package ifacemem

import (
	"errors"
	"io"
)

// Error values in package-level variables (ssa/globals.go): their entry
// contents are arbitrary (nil, or an error of the closed world), and an
// errors.New error's identity is its address.

var errEmpty = errors.New("empty")

// Pop returns errEmpty on an empty slice: whatever errEmpty holds, it is
// the error returned.
//
//vsynth:ensures len(s) == 0 ==> err == errEmpty
//vsynth:ensures len(s) > 0 ==> err == nil && result == s[0]
func Pop(s []int) (result int, err error) { // want "proved"
	if len(s) == 0 {
		return 0, errEmpty
	}
	return s[0], nil
}

// PopBad claims the error is not nil: errEmpty may have been set to nil
// (the counterexample assigns it).
//
//vsynth:ensures len(s) == 0 ==> err != nil // want "ensures: failed"
func PopBad(s []int) (result int, err error) { // want "failed"
	if len(s) == 0 {
		return 0, errEmpty
	}
	return s[0], nil
}

// PopOK states what it assumes of the global.
//
//vsynth:requires errEmpty != nil
//vsynth:ensures len(s) == 0 ==> err != nil
func PopOK(s []int) (result int, err error) { // want "proved"
	if len(s) == 0 {
		return 0, errEmpty
	}
	return s[0], nil
}

// Fresh is never the global: errors.New allocates.
//
//vsynth:ensures result == false
func Fresh() bool { // want "proved"
	err := errors.New("empty")
	return err == errEmpty
}

// AtEOF tells io.EOF apart from other errors by identity.
//
//vsynth:ensures err == nil ==> result == false
func AtEOF(err error) bool { // want "proved"
	return err != nil && err == io.EOF
}

// AtEOFBad claims that an error equal to io.EOF is not nil: io.EOF may
// have been set to nil, which the replay cannot do (another package's
// variable), so the verdict is unknown.
//
//vsynth:ensures result ==> err != nil // want "ensures: unknown"
func AtEOFBad(err error) bool { // want "unknown"
	return err == io.EOF
}
