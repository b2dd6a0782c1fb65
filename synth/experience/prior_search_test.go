package experience_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/vsynth/vsynth/internal/testlimits"
	"github.com/vsynth/vsynth/synth"
	"github.com/vsynth/vsynth/synth/experience"
	"github.com/vsynth/vsynth/synth/sygus"
)

func parseFile(t *testing.T, name string) *sygus.Problem {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := sygus.Parse(name, src)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// hidden is p's synthesis problem with the reference hidden: the
// enumerator must find the program.
func hidden(p *sygus.Problem) *synth.Problem {
	sp := p.Synth(&synth.Prover{Limits: testlimits.Limits})
	sp.Reference = nil
	return sp
}

// TestPriorOrderedSameAnswers: on small problems, the prior-ordered
// enumeration (a prior learned from other problems, and a hostile one
// that penalizes every production of the plain answer) finds answers of
// the plain answer's size, proved, and claims minimality only through
// the plain improve pass; so does the search with Probe's just-in-time
// updates of the costs between CEGIS rounds.
func TestPriorOrderedSameAnswers(t *testing.T) {
	train := []experience.Record{solve(t, parse(t, "andnot", "inc"))}
	{
		p := parseFile(t, "../sygus/testdata/ispow2.sl")
		sp := hidden(p)
		res, err := synth.Enum{}.Solve(context.Background(), sp, synth.Budget{Timeout: 60 * time.Second, MaxSize: 10})
		if err != nil || res.Verdict != synth.Solved {
			t.Fatalf("ispow2: %v %v", res, err)
		}
		train = append(train, experience.NewRecord(sp, res.Term, p.Answer(res.Term), "sygus", "test"))
	}
	learned := experience.LearnPrior(train, "test", "test")
	budget := synth.Budget{Timeout: 120 * time.Second, MaxSize: 10, Improve: 60 * time.Second}
	for _, file := range []string{"../sygus/testdata/lowest.sl", "../sygus/testdata/narrow.sl"} {
		t.Run(file, func(t *testing.T) {
			p := parseFile(t, file)
			plain, err := synth.Enum{}.Solve(context.Background(), hidden(p), budget)
			if err != nil || plain.Verdict != synth.Solved {
				t.Fatalf("plain: %+v %v", plain, err)
			}
			sp := hidden(p)
			// The hostile prior: every production but the answer's is
			// used often, the answer's never.
			answer := map[string]bool{}
			for _, k := range experience.Productions(sp.Grammar, plain.Term) {
				answer[k] = true
			}
			counts := map[string]float64{}
			for _, nt := range sp.Grammar.NTs {
				for _, prod := range nt.Prods {
					if k := synth.ProdKey(sp.Grammar, prod); k != "" && !answer[k] {
						counts[k] = 100
					}
				}
			}
			hostile := synth.NewPrior(counts, synth.PriorProvenance{})
			if hostile.Extra(sp.Grammar) == nil {
				t.Fatal("the hostile prior gives no extra cost")
			}
			for _, c := range []struct {
				name string
				pr   *synth.Prior
				jit  bool
			}{{"learned", learned, false}, {"hostile", hostile, false}, {"learned+jit", learned, true}, {"hostile+jit", hostile, true}} {
				name, pr := c.name, c.pr
				res, err := synth.Enum{Prior: pr, PriorJIT: c.jit}.Solve(context.Background(), hidden(p), budget)
				if err != nil {
					t.Fatal(err)
				}
				if res.Verdict != synth.Solved || res.Size != plain.Size {
					t.Errorf("%s prior: %s size %d (%s), plain: size %d %s", name, res.Verdict, res.Size, res.Term, plain.Size, plain.Term)
				}
				if pr.Extra(sp.Grammar) != nil && res.Strategy != "race:prior+enum" && res.Strategy != "race:enum" {
					t.Errorf("%s prior: strategy %s, want the race of the prior-ordered and the plain search", name, res.Strategy)
				}
				if res.Minimal != plain.Minimal {
					t.Errorf("%s prior: minimal %v, plain %v", name, res.Minimal, plain.Minimal)
				}
			}
		})
	}
}
