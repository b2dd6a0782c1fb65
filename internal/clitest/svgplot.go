package clitest

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// svgPlot checks a picture of vsynth bench: it parses as XML with an svg
// root, and has the polylines and points named:
//
//	svgplot cactus.svg vsynth=2 cvc5=2   (one polyline per solver, with that many points)
//	svgplot scatter.svg points=3         (that many circles)
func svgPlot(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: svgplot FILE.svg SOLVER=POINTS... | points=N")
	}
	d := xml.NewDecoder(bytes.NewReader([]byte(ts.ReadFile(args[0]))))
	lines := map[string]int{}
	circles, root := 0, ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		ts.Check(err)
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = start.Name.Local
		}
		switch start.Name.Local {
		case "polyline":
			var solver, points string
			for _, a := range start.Attr {
				switch a.Name.Local {
				case "data-solver":
					solver = a.Value
				case "points":
					points = a.Value
				}
			}
			if _, dup := lines[solver]; dup {
				ts.Fatalf("%s: two polylines for %s", args[0], solver)
			}
			lines[solver] = len(strings.Fields(points))
		case "circle":
			circles++
		}
	}
	if root != "svg" {
		ts.Fatalf("%s: root element %q, want svg", args[0], root)
	}
	want := map[string]int{}
	for _, a := range args[1:] {
		name, n, ok := strings.Cut(a, "=")
		count, err := strconv.Atoi(n)
		if !ok || err != nil {
			ts.Fatalf("svgplot: bad check %q", a)
		}
		if name == "points" {
			if circles != count {
				ts.Fatalf("%s: %d points, want %d", args[0], circles, count)
			}
			continue
		}
		want[name] = count
		if got, ok := lines[name]; !ok || got != count {
			ts.Fatalf("%s: %s's polyline has %d points (present: %v), want %d", args[0], name, got, ok, count)
		}
	}
	if len(want) > 0 && len(want) != len(lines) {
		ts.Fatalf("%s: polylines for %v, want exactly %v", args[0], lines, want)
	}
}
