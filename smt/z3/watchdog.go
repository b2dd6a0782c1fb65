//go:build cgo

package z3

import "time"

// The timeout watchdog. Z3 enforces a check's timeout with a timer of its
// own, but not always: on rare schedules (seen under heavy load with a 1 ms
// timeout on a hard bit-vector multiplication) the timer's cancellation is
// lost and the check runs on for minutes. So a check with a timeout also
// gets a watchdog that, a grace period after the timeout, interrupts the
// context the way a cancelled check is interrupted — repeatedly, until the
// check returns. When it is the watchdog that stops the check, the answer
// is still Unknown with reason "timeout".

// watchdogDelay is how long after its start a check with the given
// timeout is interrupted: the timeout plus half of it plus 50 ms, so
// that Z3's own timer normally gets there first. A variable for tests.
var watchdogDelay = func(timeout time.Duration) time.Duration {
	return timeout + timeout/2 + 50*time.Millisecond
}
