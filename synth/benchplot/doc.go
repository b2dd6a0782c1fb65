// Package benchplot turns a benchmark run (vsynth bench, or the CSV it
// wrote) into the two pictures solver papers and competitions use:
//
//   - a cactus plot: one line per solver through its solved files sorted
//     by time, the k-th point at (k, the k-th fastest solve time), so a
//     line further right solves more and a lower line solves faster;
//   - a scatter plot of one solver's time against another's per file, on
//     log axes, with files a solver did not solve drawn on the edge at the
//     time limit.
//
// The data model (Table, Outcome) is independent of the pictures; the
// pictures are SVG written with the standard library only (svg.go), so
// that they can be committed in docs/ and looked at in a browser.
package benchplot
