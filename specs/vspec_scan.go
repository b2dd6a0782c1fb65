package specs

import (
	"go/token"
	"strconv"
	"strings"
)

// A .vspec file is Go declarations interleaved with clause lines. The scan
// below finds the clause lines and the synth prefixes without parsing Go:
// it follows brackets, comments and string literals line by line, and a
// line whose first word is a clause keyword, outside any bracket, comment
// or literal, starts a clause. The scan blanks clauses and prefixes out of
// a copy of the source, keeping newlines and byte offsets, so that
// go/parser can read the rest with true positions.

// vspecKeywords are the words that start a clause line.
var vspecKeywords = []string{"requires", "ensures", "modifies", "ops", "consts"}

func isVspecKeyword(word string) bool {
	for _, k := range vspecKeywords {
		if k == word {
			return true
		}
	}
	return false
}

// rawClause is a clause line (with its continuation lines) found by the
// scan. Offsets are byte offsets in the source.
type rawClause struct {
	keyword string
	kwOff   int // offset of the keyword
	indent  int // leading blanks of the keyword's line
	textOff int // offset just after the keyword
	textEnd int // end of the last line of the clause
}

// vspecScan is the result of scanning a .vspec source.
type vspecScan struct {
	blanked    []byte
	clauses    []rawClause
	synthFuncs []int // offsets of the func keywords that follow "synth"
	errors     []offsetError
}

// sourceLine is one line of the source, without its newline.
type sourceLine struct {
	start, end int
}

func splitLines(src []byte) []sourceLine {
	var lines []sourceLine
	start := 0
	for i, b := range src {
		if b == '\n' {
			lines = append(lines, sourceLine{start, i})
			start = i + 1
		}
	}
	return append(lines, sourceLine{start, len(src)})
}

// goTextState follows the Go declarations between clauses.
type goTextState struct {
	depth     int  // open brackets
	inComment bool // inside /* */
	inRaw     bool // inside a raw string literal
	funcSeen  bool
}

func (st *goTextState) atTopLevel() bool {
	return st.depth == 0 && !st.inComment && !st.inRaw
}

// scanLine advances the state over one line of Go text.
func (st *goTextState) scanLine(line string) {
	for i := 0; i < len(line); {
		switch {
		case st.inComment:
			j := strings.Index(line[i:], "*/")
			if j < 0 {
				return
			}
			st.inComment = false
			i += j + 2
		case st.inRaw:
			j := strings.IndexByte(line[i:], '`')
			if j < 0 {
				return
			}
			st.inRaw = false
			i += j + 1
		case strings.HasPrefix(line[i:], "//"):
			return
		case strings.HasPrefix(line[i:], "/*"):
			st.inComment = true
			i += 2
		case line[i] == '"' || line[i] == '\'':
			i = skipQuoted(line, i)
		case line[i] == '`':
			st.inRaw = true
			i++
		case strings.IndexByte("([{", line[i]) >= 0:
			st.depth++
			i++
		case strings.IndexByte(")]}", line[i]) >= 0:
			if st.depth > 0 {
				st.depth--
			}
			i++
		case isWordByte(line[i]):
			j := wordEnd(line, i)
			if line[i:j] == "func" {
				st.funcSeen = true
			}
			i = j
		default:
			i++
		}
	}
}

// skipQuoted returns the index just past the literal quoted by line[i], or
// the line's end if it is not closed on this line.
func skipQuoted(line string, i int) int {
	quote := line[i]
	for j := i + 1; j < len(line); j++ {
		switch line[j] {
		case '\\':
			j++
		case quote:
			return j + 1
		}
	}
	return len(line)
}

// isWordByte reports whether b can be part of an identifier. Bytes of
// multi-byte UTF-8 sequences count, which is close enough for finding
// words.
func isWordByte(b byte) bool {
	return b == '_' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b >= 0x80
}

func wordEnd(s string, i int) int {
	for i < len(s) && isWordByte(s[i]) {
		i++
	}
	return i
}

// indentOf counts the leading blanks of a line.
func indentOf(line string) int {
	n := 0
	for n < len(line) && (line[n] == ' ' || line[n] == '\t') {
		n++
	}
	return n
}

func isBlankLine(line string) bool {
	return strings.TrimLeft(line, " \t\r") == ""
}

// firstWord returns a line's indentation and the identifier-like word
// that starts it, if any.
func firstWord(line string) (indent int, word string) {
	indent = indentOf(line)
	if indent < len(line) && isWordByte(line[indent]) && !('0' <= line[indent] && line[indent] <= '9') {
		word = line[indent:wordEnd(line, indent)]
	}
	return indent, word
}

// scanVspec finds the clauses and synth prefixes of a .vspec source.
func scanVspec(src []byte) *vspecScan {
	s := &vspecScan{blanked: append([]byte(nil), src...)}
	text := string(src)
	lines := splitLines(src)
	var st goTextState
	for li := 0; li < len(lines); li++ {
		line := text[lines[li].start:lines[li].end]
		if st.atTopLevel() {
			indent, word := firstWord(line)
			wordOff := lines[li].start + indent
			switch {
			case isVspecKeyword(word):
				li = s.takeClause(text, lines, li, word, indent)
				continue
			case word == "synth" && s.takeSynth(text, wordOff):
			case word != "" && indent > 0 && st.funcSeen && !token.IsKeyword(word):
				s.errors = append(s.errors, offsetError{off: wordOff, msg: "unknown clause keyword " +
					strconv.Quote(word) + "; want " + describeKeywords(vspecKeywords)})
				li = s.takeClause(text, lines, li, "", indent)
				continue
			}
		}
		st.scanLine(line)
	}
	return s
}

// takeClause records the clause whose keyword line is lines[li] and blanks
// it out; it returns the index of the clause's last line. An empty keyword
// only blanks the lines.
func (s *vspecScan) takeClause(text string, lines []sourceLine, li int, keyword string, indent int) int {
	last := li
	for m := li + 1; m < len(lines); m++ {
		line := text[lines[m].start:lines[m].end]
		if isBlankLine(line) {
			continue
		}
		if indentOf(line) <= indent {
			break
		}
		last = m
	}
	kwOff := lines[li].start + indent
	end := lines[last].end
	if keyword != "" {
		s.clauses = append(s.clauses, rawClause{
			keyword: keyword,
			kwOff:   kwOff,
			indent:  indent,
			textOff: kwOff + len(keyword),
			textEnd: end,
		})
	}
	for i := kwOff; i < end; i++ {
		if s.blanked[i] != '\n' {
			s.blanked[i] = ' '
		}
	}
	return last
}

// takeSynth blanks a "synth" prefix at off when a func keyword follows it
// on the same line, and reports whether it did.
func (s *vspecScan) takeSynth(text string, off int) bool {
	rest := text[off+len("synth"):]
	blanks := len(rest) - len(strings.TrimLeft(rest, " \t"))
	if blanks == 0 || !strings.HasPrefix(rest[blanks:], "func") {
		return false
	}
	after := rest[blanks+len("func"):]
	if after != "" && isWordByte(after[0]) {
		return false
	}
	for i := off; i < off+len("synth"); i++ {
		s.blanked[i] = ' '
	}
	s.synthFuncs = append(s.synthFuncs, off+len("synth")+blanks)
	return true
}
