package benchplot

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden SVG files")

func readTable(t *testing.T, name string) *Table {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := ReadCSV(f)
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// TestReadCSV reads bench's CSV: vsynth's columns and one solver per
// NAME_status column, in column order.
func TestReadCSV(t *testing.T) {
	tab := readTable(t, "testdata/run.csv")
	if got := strings.Join(tab.Solvers, " "); got != "vsynth cvc5 cvc5-si" {
		t.Fatalf("solvers %q", got)
	}
	if len(tab.Files) != 6 || tab.Files[3] != "d.sl" {
		t.Fatalf("files %q", tab.Files)
	}
	if o := tab.Outcomes[3][0]; o.Status != "timeout" || o.Seconds != 10.412 {
		t.Errorf("d.sl vsynth: %+v", o)
	}
	if o := tab.Outcomes[1][2]; o.Status != "solved" || o.Seconds != 4 {
		t.Errorf("b.sl cvc5-si: %+v", o)
	}
	// The limit is the shortest time-out: cvc5 stops at exactly 10 s,
	// vsynth overran it.
	if got := tab.Limit(); got != 10 {
		t.Errorf("limit %v, want 10", got)
	}
	tab.Timeout = 30
	if got := tab.Limit(); got != 30 {
		t.Errorf("limit with Timeout set: %v, want 30", got)
	}
}

// TestReadCSVErrors: a CSV that is not bench's is an error, never an
// empty plot.
func TestReadCSVErrors(t *testing.T) {
	for name, text := range map[string]string{
		"empty":        "",
		"no file":      "status,seconds\nsolved,1\n",
		"no solver":    "file,size\na.sl,3\n",
		"no seconds":   "file,status\na.sl,solved\n",
		"bad seconds":  "file,status,seconds\na.sl,solved,fast\n",
		"negative":     "file,status,seconds\na.sl,solved,-1\n",
		"half a cvc5":  "file,status,seconds,cvc5_status\na.sl,solved,1,solved\n",
		"bad csv text": "file,status,seconds\n\"a.sl,solved,1\n",
	} {
		if _, err := ReadCSV(strings.NewReader(text)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestCactus: a series per solver with its solved (or infeasible) files'
// times, fastest first.
func TestCactus(t *testing.T) {
	series := readTable(t, "testdata/run.csv").Cactus()
	want := map[string][]float64{
		"vsynth":  {0.01, 0.12, 0.7, 2.5},
		"cvc5":    {0.02, 0.05, 0.3, 8.1},
		"cvc5-si": {0.03, 0.2, 4},
	}
	if len(series) != 3 {
		t.Fatalf("%d series", len(series))
	}
	for _, s := range series {
		if s.Files != 6 {
			t.Errorf("%s: %d files", s.Solver, s.Files)
		}
		if !equal(s.Times, want[s.Solver]) {
			t.Errorf("%s: times %v, want %v", s.Solver, s.Times, want[s.Solver])
		}
	}
}

func equal(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// svgDoc is what the tests read back from a picture.
type svgDoc struct {
	polylines map[string]int // solver -> points
	order     []string       // solvers in document order
	ys        map[string][]float64
	circles   []circle
	texts     []string
}

type circle struct {
	cx, cy float64
	title  string
}

// parseSVG parses doc as XML (failing the test if it is not well formed)
// and collects the polylines, circles and texts.
func parseSVG(t *testing.T, doc []byte) svgDoc {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	out := svgDoc{polylines: map[string]int{}, ys: map[string][]float64{}}
	var inTitle, inText bool
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Space + " " + tok.Name.Local
			}
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Name.Local] = a.Value
			}
			switch tok.Name.Local {
			case "polyline":
				name := attr["data-solver"]
				out.order = append(out.order, name)
				pts := strings.Fields(attr["points"])
				out.polylines[name] = len(pts)
				for _, p := range pts {
					xy := strings.Split(p, ",")
					if len(xy) != 2 {
						t.Fatalf("polyline %s: point %q", name, p)
					}
					y, err := strconv.ParseFloat(xy[1], 64)
					if err != nil {
						t.Fatalf("polyline %s: point %q: %v", name, p, err)
					}
					out.ys[name] = append(out.ys[name], y)
				}
			case "circle":
				cx, err1 := strconv.ParseFloat(attr["cx"], 64)
				cy, err2 := strconv.ParseFloat(attr["cy"], 64)
				if err1 != nil || err2 != nil {
					t.Fatalf("circle %v", attr)
				}
				out.circles = append(out.circles, circle{cx: cx, cy: cy})
			case "title":
				inTitle = true
			case "text":
				inText = true
			}
		case xml.EndElement:
			inTitle, inText = false, false
		case xml.CharData:
			if inTitle {
				out.circles[len(out.circles)-1].title += string(tok)
			}
			if inText {
				out.texts = append(out.texts, string(tok))
			}
		}
	}
	if root != "http://www.w3.org/2000/svg svg" {
		t.Fatalf("root element %q, want svg in the SVG namespace", root)
	}
	return out
}

// TestWriteCactus: one polyline per solver, with a point per solved file,
// rising (time grows with the count), and a legend line per solver.
func TestWriteCactus(t *testing.T) {
	tab := readTable(t, "testdata/run.csv")
	var buf bytes.Buffer
	if err := WriteCactus(&buf, tab.Cactus(), tab.Limit()); err != nil {
		t.Fatal(err)
	}
	doc := parseSVG(t, buf.Bytes())
	if got := strings.Join(doc.order, " "); got != "vsynth cvc5 cvc5-si" {
		t.Fatalf("polylines for %q", got)
	}
	for name, n := range map[string]int{"vsynth": 4, "cvc5": 4, "cvc5-si": 3} {
		if doc.polylines[name] != n {
			t.Errorf("%s: %d points, want %d", name, doc.polylines[name], n)
		}
		ys := doc.ys[name]
		for i := 1; i < len(ys); i++ {
			if ys[i] > ys[i-1] { // screen y grows downwards
				t.Errorf("%s: the line falls at point %d: %v", name, i, ys)
			}
		}
	}
	for _, want := range []string{"vsynth: 4 of 6 solved", "cvc5: 4 of 6 solved", "cvc5-si: 3 of 6 solved", "Cactus plot: 6 files, time limit 10s"} {
		if !contains(doc.texts, want) {
			t.Errorf("no text %q in %q", want, doc.texts)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestWriteScatter: a point per file; a file one solver did not solve
// sits beyond the limit on that solver's edge, and both solvers' times
// are in its tooltip.
func TestWriteScatter(t *testing.T) {
	tab := readTable(t, "testdata/run.csv")
	pts, err := tab.Scatter("cvc5", "vsynth")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteScatter(&buf, pts, "cvc5", "vsynth", tab.Limit()); err != nil {
		t.Fatal(err)
	}
	doc := parseSVG(t, buf.Bytes())
	if len(doc.circles) != len(tab.Files) {
		t.Fatalf("%d points for %d files", len(doc.circles), len(tab.Files))
	}
	byFile := map[string]circle{}
	for _, c := range doc.circles {
		byFile[strings.SplitN(c.title, ":", 2)[0]] = c
	}
	// b.sl: cvc5 timed out (x on the right edge); d.sl: vsynth timed out
	// (y on the top edge); e.sl vsynth unsupported; f.sl cvc5 unsolved.
	edgeX := byFile["b.sl"].cx
	edgeY := byFile["d.sl"].cy
	for _, f := range []string{"a.sl", "c.sl", "d.sl", "e.sl"} {
		if byFile[f].cx >= edgeX {
			t.Errorf("%s: solved by cvc5 but drawn at x %v, on the edge %v", f, byFile[f].cx, edgeX)
		}
	}
	if byFile["f.sl"].cx != edgeX {
		t.Errorf("f.sl: not solved by cvc5 but at x %v, not the edge %v", byFile["f.sl"].cx, edgeX)
	}
	if byFile["e.sl"].cy != edgeY {
		t.Errorf("e.sl: not solved by vsynth but at y %v, not the edge %v", byFile["e.sl"].cy, edgeY)
	}
	for _, f := range []string{"a.sl", "b.sl", "c.sl", "f.sl"} {
		if byFile[f].cy <= edgeY {
			t.Errorf("%s: solved by vsynth but drawn at y %v, on the edge %v", f, byFile[f].cy, edgeY)
		}
	}
	if got := byFile["d.sl"].title; got != "d.sl: cvc5 8.100s, vsynth 10.412s (not solved)" {
		t.Errorf("d.sl tooltip %q", got)
	}
	for _, want := range []string{"both solved: 2", "vsynth faster: 1", "cvc5 faster: 1", "only vsynth: 2", "only cvc5: 2", "neither: 0"} {
		found := false
		for _, s := range doc.texts {
			if strings.TrimSpace(s) == want {
				found = true
			}
		}
		if !found {
			t.Errorf("no text %q in %q", want, doc.texts)
		}
	}
	if _, err := tab.Scatter("z3", "vsynth"); err == nil {
		t.Error("a scatter against a solver the run does not have: no error")
	}
}

// TestGolden compares the pictures of testdata/run.csv with the committed
// ones (go test -update rewrites them): the output is deterministic, and
// a change to it is reviewed as a diff.
func TestGolden(t *testing.T) {
	tab := readTable(t, "testdata/run.csv")
	pts, err := tab.Scatter("cvc5", "vsynth")
	if err != nil {
		t.Fatal(err)
	}
	var cactus, scatter bytes.Buffer
	if err := WriteCactus(&cactus, tab.Cactus(), tab.Limit()); err != nil {
		t.Fatal(err)
	}
	if err := WriteScatter(&scatter, pts, "cvc5", "vsynth", tab.Limit()); err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{"cactus.golden.svg": cactus.Bytes(), "scatter.golden.svg": scatter.Bytes()} {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the output (go test -update rewrites it after a reviewed change)", path)
		}
	}
}

// TestDocsCSV plots the committed benchmark CSVs: every solver's line
// has as many points as the CSV has solved or infeasible rows for it
// (counted here from the raw CSV), and the documents are XML.
func TestDocsCSV(t *testing.T) {
	for _, name := range []string{"../../docs/benchmarks.csv", "../../docs/benchmarks-pbe.csv"} {
		tab := readTable(t, name)
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int{}
		for _, r := range recs[1:] {
			for i, h := range recs[0] {
				solver, ok := strings.CutSuffix(h, "_status")
				if h == "status" {
					solver, ok = "vsynth", true
				}
				if ok && (r[i] == "solved" || r[i] == "infeasible") {
					want[solver]++
				}
			}
		}
		var buf bytes.Buffer
		if err := WriteCactus(&buf, tab.Cactus(), tab.Limit()); err != nil {
			t.Fatal(err)
		}
		doc := parseSVG(t, buf.Bytes())
		if len(doc.polylines) != len(want) || len(want) < 2 {
			t.Errorf("%s: %d polylines for solvers %v", name, len(doc.polylines), want)
		}
		for solver, n := range want {
			if doc.polylines[solver] != n {
				t.Errorf("%s: %s: %d points, want %d", name, solver, doc.polylines[solver], n)
			}
		}
	}
}
