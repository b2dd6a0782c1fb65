// Package dirlock takes an exclusive lock on a directory, which the
// kernel releases if the process dies: the writers of files that must
// never be seen half-written (the rule file's appends, vsynth learn
// --apply) take it around their write, rename and fsync.
package dirlock
