package ssa

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/vsynth/vsynth/internal/testmod"
	"github.com/vsynth/vsynth/smt"
)

// The cache generator: random refuted functions, and edits that keep
// every SMT query identical but change how the counterexample is written
// — two fields swapped (their uses too, so the bits read are the same),
// a field renamed, a type renamed, a named integer type's signedness
// flipped (a parameter's, where it is only added and compared with ==;
// a field's type is not flipped: the struct is spilled to memory, whose
// regions are named by signedness, so its query changes). A
// run on the edited code with the cache of the original must print
// exactly what a run with an empty cache prints.
//
//	VSYNTH_LONG=1 go test ./ssa -run TestCacheGenerator -v

// memCache is a Cache in memory.
type memCache struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (c *memCache) Get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.m[key]
	return b, ok
}

func (c *memCache) Put(key string, data []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string][]byte{}
	}
	c.m[key] = data
	return nil
}

func (c *memCache) clone() *memCache {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := &memCache{m: map[string][]byte{}}
	for k, v := range c.m {
		n.m[k] = v
	}
	return n
}

// cacheFunc is one generated function: a struct of named narrow
// integers, read field by field, and a named integer compared with ==.
type cacheFunc struct {
	k        int
	typeName string   // the struct type
	fields   []string // field names in declaration order; "_" is blank
	used     []int    // the fields read, by position, in order
	elemName string   // the fields' named integer type
	elemBase string   // its underlying type: int8 or uint8
	keyName  string   // the compared parameter's named type
	keyBase  string   // int8 or uint8
	key      int      // x+key == 0 selects the failing branch
	bad      int      // the contract's value
}

func randomCacheFunc(r *rand.Rand, k int) *cacheFunc {
	f := &cacheFunc{
		k: k, typeName: fmt.Sprintf("S%d", k),
		elemName: fmt.Sprintf("E%d", k), elemBase: []string{"int8", "uint8"}[r.Intn(2)],
		keyName: fmt.Sprintf("K%d", k), keyBase: []string{"int8", "uint8"}[r.Intn(2)],
		key: 1 + r.Intn(100), bad: r.Intn(200) - 100,
	}
	n := 2 + r.Intn(3)
	for i := 0; i < n; i++ {
		f.fields = append(f.fields, fmt.Sprintf("A%d", i))
		if r.Intn(3) == 0 {
			f.fields = append(f.fields, "_")
		}
	}
	for i, name := range f.fields {
		if name != "_" {
			f.used = append(f.used, i)
		}
	}
	r.Shuffle(len(f.used), func(i, j int) { f.used[i], f.used[j] = f.used[j], f.used[i] })
	return f
}

func (f *cacheFunc) source() string {
	var b strings.Builder
	fmt.Fprintf(&b, "type %s %s\n\ntype %s %s\n\ntype %s struct {\n", f.elemName, f.elemBase, f.keyName, f.keyBase, f.typeName)
	for _, name := range f.fields {
		fmt.Fprintf(&b, "\t%s %s\n", name, f.elemName)
	}
	b.WriteString("}\n\n")
	var terms []string
	for i, pos := range f.used {
		op := "+"
		if i%2 == 1 {
			op = "-"
		}
		terms = append(terms, fmt.Sprintf("%s int8(s.%s)", op, f.fields[pos]))
	}
	fmt.Fprintf(&b, "//vsynth:ensures result != %d\nfunc F%d(s %s, x %s) int8 {\n\tif x+%d == 0 {\n\t\treturn 0 %s\n\t}\n\treturn 0\n}\n",
		f.bad, f.k, f.typeName, f.keyName, f.key, strings.Join(terms, " "))
	return b.String()
}

// cacheEdit changes a function without changing its queries.
type cacheEdit struct {
	name  string
	apply func(r *rand.Rand, f *cacheFunc) *cacheFunc
}

var cacheEdits = []cacheEdit{
	{"swap two fields", func(r *rand.Rand, f *cacheFunc) *cacheFunc {
		// The same positions are read, under each other's names.
		g := *f
		g.fields = append([]string(nil), f.fields...)
		i, j := f.used[0], f.used[1]
		g.fields[i], g.fields[j] = g.fields[j], g.fields[i]
		return &g
	}},
	{"rename a field", func(r *rand.Rand, f *cacheFunc) *cacheFunc {
		g := *f
		g.fields = append([]string(nil), f.fields...)
		i := f.used[r.Intn(len(f.used))]
		g.fields[i] = "Renamed" + g.fields[i]
		return &g
	}},
	{"rename a type", func(r *rand.Rand, f *cacheFunc) *cacheFunc {
		g := *f
		g.typeName = fmt.Sprintf("T%d", f.k)
		return &g
	}},
	{"flip the signedness of the compared type", func(r *rand.Rand, f *cacheFunc) *cacheFunc {
		g := *f
		g.keyBase = map[string]string{"int8": "uint8", "uint8": "int8"}[f.keyBase]
		return &g
	}},
}

func cacheModuleOf(fs []*cacheFunc) string {
	var b strings.Builder
	b.WriteString("package c\n\n")
	for _, f := range fs {
		b.WriteString(f.source())
		b.WriteString("\n")
	}
	return b.String()
}

// queryScripts writes every obligation query of the module's functions,
// in order: two modules with the same scripts ask the solver the same.
func queryScripts(t *testing.T, dir string) string {
	t.Helper()
	prog, err := Load(LoadConfig{Dir: dir}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, tg := range prog.Targets {
		vc, err := prog.LowerUnrolled(tg, 0)
		if err != nil {
			t.Fatalf("lowering %s: %v", tg.Name, err)
		}
		for _, o := range vc.Obligations {
			q := o.Query()
			if err := smt.WriteScript(&b, smt.Logic([]*smt.Term{q}), []*smt.Term{q}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return b.String()
}

func TestCacheGenerator(t *testing.T) {
	seeds, perModule := 1, 3
	if os.Getenv("VSYNTH_LONG") != "" {
		seeds, perModule = 8, 6
	}
	for seed := int64(1); seed <= int64(seeds); seed++ {
		r := rand.New(rand.NewSource(seed))
		var base []*cacheFunc
		for k := 0; k < perModule; k++ {
			base = append(base, randomCacheFunc(r, k))
		}
		baseDir := testmod.WriteModule(t, "example.com/c", "c.go", cacheModuleOf(base))
		baseQueries := queryScripts(t, baseDir)
		warmed := &memCache{}
		baseRun := runOutcome(proveWithCache(t, baseDir, warmed))
		if strings.Count(baseRun, "failed") < perModule {
			t.Fatalf("seed %d: every generated function should be refuted:\n%s", seed, baseRun)
		}
		for _, e := range cacheEdits {
			var edited []*cacheFunc
			for _, f := range base {
				edited = append(edited, e.apply(r, f))
			}
			src := cacheModuleOf(edited)
			dir := testmod.WriteModule(t, "example.com/c", "c.go", src)
			if queryScripts(t, dir) != baseQueries {
				t.Fatalf("seed %d, %s: the edit changed a query, so it does not test the key:\n%s", seed, e.name, src)
			}
			warm := runOutcome(proveWithCache(t, dir, warmed.clone()))
			cold := runOutcome(proveWithCache(t, dir, &memCache{}))
			if warm != cold {
				t.Errorf("seed %d, %s: the run with the original's cache prints\n%s\na run with an empty cache prints\n%s\nsource:\n%s", seed, e.name, warm, cold, src)
			}
		}
	}
}
