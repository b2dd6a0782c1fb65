package benchplot

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Outcome is one solver's result on one file.
type Outcome struct {
	Status  string  // solved, infeasible, unsolved, unknown, unsat, timeout, unsupported, error
	Seconds float64 // wall-clock time
}

// Solved reports whether the solver answered the problem: a proved
// solution, or a proof that none exists (infeasible), as the SyGuS
// competition counts.
func (o Outcome) Solved() bool {
	return o.Status == "solved" || o.Status == "infeasible"
}

// Table is a benchmark run: per file, each solver's outcome.
type Table struct {
	Solvers  []string    // in column order; vsynth first in bench's CSV
	Files    []string    // one per row
	Outcomes [][]Outcome // Outcomes[file][solver]
	// Timeout is the time limit per file and solver in seconds; 0 when
	// not known (see Limit).
	Timeout float64
}

// Add appends a file's row; outcomes are in the order of t.Solvers.
func (t *Table) Add(file string, outcomes []Outcome) error {
	if len(outcomes) != len(t.Solvers) {
		return fmt.Errorf("benchplot: %s: %d outcomes for %d solvers", file, len(outcomes), len(t.Solvers))
	}
	t.Files = append(t.Files, file)
	t.Outcomes = append(t.Outcomes, append([]Outcome(nil), outcomes...))
	return nil
}

// solverIndex is the column of solver name, or -1.
func (t *Table) solverIndex(name string) int {
	for i, s := range t.Solvers {
		if s == name {
			return i
		}
	}
	return -1
}

// Limit is the time limit the pictures draw unsolved files at: Timeout
// when set, else read from the run: the shortest time of a run that timed
// out (cvc5's time-outs are recorded at exactly the limit; vsynth's
// searches may overrun it a little), else the longest time of any run.
func (t *Table) Limit() float64 {
	if t.Timeout > 0 {
		return t.Timeout
	}
	shortestTimeout, longest := math.Inf(1), 0.0
	for _, row := range t.Outcomes {
		for _, o := range row {
			if o.Status == "timeout" && o.Seconds < shortestTimeout {
				shortestTimeout = o.Seconds
			}
			longest = math.Max(longest, o.Seconds)
		}
	}
	if !math.IsInf(shortestTimeout, 1) && shortestTimeout > 0 {
		return shortestTimeout
	}
	if longest > 0 {
		return longest
	}
	return 1
}

// Series is one solver's line of a cactus plot: the times of the files it
// solved, fastest first.
type Series struct {
	Solver string
	Times  []float64
	Files  int // files run, solved or not
}

// Cactus is the cactus plot's data: a series per solver, in column order.
func (t *Table) Cactus() []Series {
	series := make([]Series, len(t.Solvers))
	for i, name := range t.Solvers {
		series[i] = Series{Solver: name, Times: []float64{}, Files: len(t.Files)}
		for _, row := range t.Outcomes {
			if row[i].Solved() {
				series[i].Times = append(series[i].Times, row[i].Seconds)
			}
		}
		sort.Float64s(series[i].Times)
	}
	return series
}

// Point is one file of a scatter plot: the two solvers' times, and
// whether each solved it.
type Point struct {
	File             string
	X, Y             float64
	XSolved, YSolved bool
}

// Scatter is the scatter plot's data: a point per file, x from solver
// xName and y from yName.
func (t *Table) Scatter(xName, yName string) ([]Point, error) {
	xi, yi := t.solverIndex(xName), t.solverIndex(yName)
	if xi < 0 || yi < 0 {
		return nil, fmt.Errorf("benchplot: scatter of %s against %s: the run has solvers %s", yName, xName, strings.Join(t.Solvers, ", "))
	}
	points := make([]Point, len(t.Files))
	for f, row := range t.Outcomes {
		points[f] = Point{File: t.Files[f], X: row[xi].Seconds, Y: row[yi].Seconds, XSolved: row[xi].Solved(), YSolved: row[yi].Solved()}
	}
	return points, nil
}

// ReadCSV reads the CSV vsynth bench writes: a header of file, status,
// seconds (vsynth's columns) and, per other solver NAME, NAME_status and
// NAME_seconds; other columns are ignored.
func ReadCSV(r io.Reader) (*Table, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("benchplot: reading the CSV header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	fileCol, ok := col["file"]
	if !ok {
		return nil, errors.New("benchplot: the CSV has no file column")
	}
	type columns struct{ status, seconds int }
	var cols []columns
	t := &Table{}
	if s, ok := col["status"]; ok {
		sec, ok := col["seconds"]
		if !ok {
			return nil, errors.New("benchplot: the CSV has a status column but no seconds column")
		}
		t.Solvers = append(t.Solvers, "vsynth")
		cols = append(cols, columns{s, sec})
	}
	for i, h := range header {
		name, ok := strings.CutSuffix(h, "_status")
		if !ok || name == "" {
			continue
		}
		sec, ok := col[name+"_seconds"]
		if !ok {
			return nil, fmt.Errorf("benchplot: the CSV has %s but no %s_seconds column", h, name)
		}
		t.Solvers = append(t.Solvers, name)
		cols = append(cols, columns{i, sec})
	}
	if len(t.Solvers) == 0 {
		return nil, errors.New("benchplot: the CSV has no solver columns (status, seconds)")
	}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("benchplot: %w", err)
		}
		get := func(i int) string {
			if i < len(rec) {
				return rec[i]
			}
			return ""
		}
		outcomes := make([]Outcome, len(cols))
		for i, c := range cols {
			sec, err := strconv.ParseFloat(get(c.seconds), 64)
			if err != nil || sec < 0 || math.IsNaN(sec) || math.IsInf(sec, 0) {
				return nil, fmt.Errorf("benchplot: line %d: %s: bad seconds %q", line, t.Solvers[i], get(c.seconds))
			}
			outcomes[i] = Outcome{Status: get(c.status), Seconds: sec}
		}
		if err := t.Add(get(fileCol), outcomes); err != nil {
			return nil, err
		}
	}
	return t, nil
}
