package ssa

import (
	"errors"
	"fmt"
	"sync"
)

// SideOutputError reports side outputs of a run (--emit-smt files) that
// could not be written. The verdicts are complete without them: Prove
// returns its results with this error, so that the report is written
// all the same and the failure reported after it.
type SideOutputError struct {
	Err error
}

func (e *SideOutputError) Error() string { return e.Err.Error() }
func (e *SideOutputError) Unwrap() error { return e.Err }

// sideErrors collects the failures of side outputs from the workers of a
// run.
type sideErrors struct {
	mu   sync.Mutex
	errs []error
}

func (s *sideErrors) add(err error) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.errs = append(s.errs, err)
}

// err is a *SideOutputError joining the failures, or nil.
func (s *sideErrors) err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.errs) == 0 {
		return nil
	}
	errs := s.errs
	if len(errs) > maxSideErrors {
		errs = append(errs[:maxSideErrors:maxSideErrors], fmt.Errorf("and %d more", len(s.errs)-maxSideErrors))
	}
	return &SideOutputError{Err: errors.Join(errs...)}
}

// maxSideErrors bounds the failures a SideOutputError lists: an
// unwritable directory fails every file the same way.
const maxSideErrors = 3
