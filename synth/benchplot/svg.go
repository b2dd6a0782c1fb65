package benchplot

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// The pictures are 720×480 SVG documents: a plot area with axes, ticks
// and grid lines, a title, and a legend. Coordinates are written with one
// decimal, so that the same data gives byte-identical files.
const (
	width, height = 720, 480
	left, right   = 70, 24 // margins around the plot area
	top, bottom   = 44, 56
	minSeconds    = 0.001 // times below are drawn at 1 ms on log axes
)

// palette gives the solvers' colours in column order.
var palette = []string{"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"}

// color is the colour of the i-th solver.
func color(i int) string { return palette[i%len(palette)] }

// svgWriter writes an SVG document and keeps the first error.
type svgWriter struct {
	w   *bufio.Writer
	err error
}

func (s *svgWriter) printf(format string, args ...any) {
	if s.err == nil {
		_, s.err = fmt.Fprintf(s.w, format, args...)
	}
}

func (s *svgWriter) flush() error {
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}

// esc escapes text for XML content and attribute values.
func esc(text string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(text))
	return b.String()
}

// num formats a coordinate.
func num(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// header opens the document with a white background and the title.
func (s *svgWriter) header(title string) {
	s.printf(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	s.printf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	s.printf(`<rect width="%d" height="%d" fill="white"/>`+"\n", width, height)
	s.printf(`<text x="%d" y="24" text-anchor="middle" font-size="15">%s</text>`+"\n", width/2, esc(title))
}

// axis maps data values to one screen dimension.
type axis struct {
	lo, hi   float64 // data range
	from, to float64 // screen range
	log      bool
}

func (a axis) pos(v float64) float64 {
	if a.log {
		v = math.Max(v, minSeconds)
		return a.from + (math.Log10(v)-math.Log10(a.lo))/(math.Log10(a.hi)-math.Log10(a.lo))*(a.to-a.from)
	}
	return a.from + (v-a.lo)/(a.hi-a.lo)*(a.to-a.from)
}

// ticks are the labelled values: powers of ten on a log axis, steps of 1,
// 2 or 5 times a power of ten (at most 10 of them) on a linear one.
func (a axis) ticks() []float64 {
	var ts []float64
	if a.log {
		for e := math.Floor(math.Log10(a.lo)); ; e++ {
			v := math.Pow(10, e)
			if v > a.hi*1.0001 {
				break
			}
			if v >= a.lo*0.9999 {
				ts = append(ts, v)
			}
		}
		return ts
	}
	span := a.hi - a.lo
	step := 1.0
	for _, m := range []float64{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000} {
		step = m
		if span/m <= 10 {
			break
		}
	}
	for v := math.Ceil(a.lo/step) * step; v <= a.hi+1e-9; v += step {
		ts = append(ts, v)
	}
	return ts
}

// label is a tick's text: 0.001, 0.01, 0.1, 1, 10, 100...
func label(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// decadeBelow is the largest power of ten at most v (v clamped to
// minSeconds).
func decadeBelow(v float64) float64 {
	return math.Pow(10, math.Floor(math.Log10(math.Max(v, minSeconds))+1e-9))
}

// frame draws the plot area's box, grid, ticks and axis titles.
func (s *svgWriter) frame(x, y axis, xTitle, yTitle string) {
	x0, x1, y0, y1 := x.from, x.to, y.to, y.from // y.from is the bottom
	s.printf(`<g stroke="#dddddd" stroke-width="1">` + "\n")
	for _, t := range x.ticks() {
		p := x.pos(t)
		s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`+"\n", num(p), num(y0), num(p), num(y1))
	}
	for _, t := range y.ticks() {
		p := y.pos(t)
		s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`+"\n", num(x0), num(p), num(x1), num(p))
	}
	s.printf("</g>\n")
	s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="black"/>`+"\n", num(x0), num(y0), num(x1-x0), num(y1-y0))
	s.printf(`<g text-anchor="middle">` + "\n")
	for _, t := range x.ticks() {
		s.printf(`<text x="%s" y="%s">%s</text>`+"\n", num(x.pos(t)), num(y1+16), label(t))
	}
	s.printf("</g>\n")
	s.printf(`<g text-anchor="end">` + "\n")
	for _, t := range y.ticks() {
		s.printf(`<text x="%s" y="%s">%s</text>`+"\n", num(x0-6), num(y.pos(t)+4), label(t))
	}
	s.printf("</g>\n")
	s.printf(`<text x="%s" y="%d" text-anchor="middle" font-size="13">%s</text>`+"\n", num((x0+x1)/2), height-14, esc(xTitle))
	s.printf(`<text x="18" y="%s" text-anchor="middle" font-size="13" transform="rotate(-90 18 %s)">%s</text>`+"\n", num((y0+y1)/2), num((y0+y1)/2), esc(yTitle))
}

// WriteCactus writes the cactus plot of series as SVG: x the number of
// files solved, y (log scale) the time of the k-th fastest solve, one
// polyline per solver (with a point per solved file), limit (seconds)
// drawn as a dashed line.
func WriteCactus(w io.Writer, series []Series, limit float64) error {
	files, fastest, slowest := 1, math.Inf(1), limit
	for _, sr := range series {
		files = max(files, sr.Files, len(sr.Times))
		for _, t := range sr.Times {
			fastest = math.Min(fastest, t)
			slowest = math.Max(slowest, t)
		}
	}
	if math.IsInf(fastest, 1) {
		fastest = limit / 10
	}
	x := axis{lo: 0, hi: float64(files), from: left, to: width - right}
	y := axis{lo: decadeBelow(fastest), hi: slowest * 1.25, from: height - bottom, to: top, log: true}
	s := &svgWriter{w: bufio.NewWriter(w)}
	s.header(fmt.Sprintf("Cactus plot: %d files, time limit %ss", files, label(roundLimit(limit))))
	s.frame(x, y, "files solved", "time per file (s, log scale)")
	s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#888888" stroke-dasharray="6 4"/>`+"\n",
		num(x.from), num(y.pos(limit)), num(x.to), num(y.pos(limit)))
	s.printf(`<text x="%s" y="%s" text-anchor="end" fill="#666666">time limit</text>`+"\n", num(x.to-4), num(y.pos(limit)+14))
	for i, sr := range series {
		var pts []string
		for k, t := range sr.Times {
			pts = append(pts, num(x.pos(float64(k+1)))+","+num(y.pos(t)))
		}
		s.printf(`<polyline class="solver" data-solver="%s" fill="none" stroke="%s" stroke-width="2" points="%s"/>`+"\n",
			esc(sr.Solver), color(i), strings.Join(pts, " "))
	}
	// The legend, top left, where a cactus plot's lines are not.
	s.printf(`<g class="legend">` + "\n")
	for i, sr := range series {
		ly := float64(top) + 18 + float64(i)*18
		s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="3"/>`+"\n", num(x.from+10), num(ly-4), num(x.from+34), num(ly-4), color(i))
		s.printf(`<text x="%s" y="%s">%s: %d of %d solved</text>`+"\n", num(x.from+40), num(ly), esc(sr.Solver), len(sr.Times), sr.Files)
	}
	s.printf("</g>\n</svg>\n")
	return s.flush()
}

// roundLimit rounds a limit read from times to milliseconds for its label.
func roundLimit(v float64) float64 { return math.Round(v*1000) / 1000 }

// WriteScatter writes the scatter plot of points as SVG: x the time of
// solver xName, y that of yName, both on log scales, the diagonal, and
// the time limit as dashed lines; a file a solver did not solve is drawn
// beyond its limit line, on the edge (a hollow marker).
func WriteScatter(w io.Writer, points []Point, xName, yName string, limit float64) error {
	fastest := limit / 10
	for _, p := range points {
		if p.XSolved {
			fastest = math.Min(fastest, p.X)
		}
		if p.YSolved {
			fastest = math.Min(fastest, p.Y)
		}
	}
	lo, edge, hi := decadeBelow(fastest), limit*1.6, limit*2.2
	// The plot area is square.
	side := float64(height - top - bottom)
	x := axis{lo: lo, hi: hi, from: left + 10, to: left + 10 + side, log: true}
	y := axis{lo: lo, hi: hi, from: height - bottom, to: top, log: true}
	var both, onlyX, onlyY, neither, yFaster, xFaster int
	for _, p := range points {
		switch {
		case p.XSolved && p.YSolved:
			both++
			if p.Y < p.X {
				yFaster++
			} else if p.X < p.Y {
				xFaster++
			}
		case p.XSolved:
			onlyX++
		case p.YSolved:
			onlyY++
		default:
			neither++
		}
	}
	s := &svgWriter{w: bufio.NewWriter(w)}
	s.header(fmt.Sprintf("%s against %s: %d files, time limit %ss", yName, xName, len(points), label(roundLimit(limit))))
	s.frame(x, y, xName+" time (s, log scale)", yName+" time (s, log scale)")
	s.printf(`<g stroke="#888888" stroke-dasharray="6 4">` + "\n")
	s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`+"\n", num(x.pos(lo)), num(y.pos(lo)), num(x.pos(hi)), num(y.pos(hi)))
	s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`+"\n", num(x.pos(limit)), num(y.from), num(x.pos(limit)), num(y.to))
	s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`+"\n", num(x.from), num(y.pos(limit)), num(x.to), num(y.pos(limit)))
	s.printf("</g>\n")
	s.printf(`<g class="points" stroke-width="1.5">` + "\n")
	for _, p := range points {
		px, py := p.X, p.Y
		if !p.XSolved {
			px = edge
		}
		if !p.YSolved {
			py = edge
		}
		fill := `fill="#1f77b4" fill-opacity="0.6" stroke="#1f77b4"`
		if !p.XSolved || !p.YSolved {
			fill = `fill="none" stroke="#d62728"`
		}
		s.printf(`<circle cx="%s" cy="%s" r="4" %s><title>%s: %s %s, %s %s</title></circle>`+"\n",
			num(x.pos(px)), num(y.pos(py)), fill, esc(p.File), esc(xName), timeText(p.X, p.XSolved), esc(yName), timeText(p.Y, p.YSolved))
	}
	s.printf("</g>\n")
	// The legend and counts, right of the square plot area.
	lx := x.to + 24
	lines := []string{
		fmt.Sprintf("both solved: %d", both),
		fmt.Sprintf("  %s faster: %d", yName, yFaster),
		fmt.Sprintf("  %s faster: %d", xName, xFaster),
		fmt.Sprintf("only %s: %d", yName, onlyY),
		fmt.Sprintf("only %s: %d", xName, onlyX),
		fmt.Sprintf("neither: %d", neither),
		"",
		fmt.Sprintf("below the diagonal: %s faster", yName),
		"hollow, on the edge: not solved",
	}
	s.printf(`<g class="legend">` + "\n")
	for i, l := range lines {
		if l != "" {
			s.printf(`<text x="%s" y="%s" xml:space="preserve">%s</text>`+"\n", num(lx), num(float64(top)+14+float64(i)*18), esc(l))
		}
	}
	s.printf("</g>\n</svg>\n")
	return s.flush()
}

// timeText is a point's time for its tooltip.
func timeText(v float64, solved bool) string {
	t := strconv.FormatFloat(v, 'f', 3, 64) + "s"
	if !solved {
		t += " (not solved)"
	}
	return t
}
