package text

import "strings"

// Key returns what precedes the first '=' of line, or the whole line. The
// slice is in range by the contract vsynth ships for strings.IndexByte,
// and the ensures clause may call strings.HasPrefix, known by its
// (proved) shipped contract.
//
//vsynth:ensures len(result) <= len(line)
//vsynth:ensures strings.HasPrefix(line, result)
func Key(line string) string {
	if i := strings.IndexByte(line, '='); i >= 0 {
		return line[:i]
	}
	return line
}

// Ruler draws n dashes. strings.Repeat panics on a negative count: vsynth
// refutes the call's requires with a negative n, and the replay sees
// Repeat panic.
//
//vsynth:ensures len(result) == n
func Ruler(n int) string {
	return strings.Repeat("-", n)
}
