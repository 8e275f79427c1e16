// Package facttable carries an analyzer's per-function summaries across
// packages as one package fact per package (a table keyed by object path)
// instead of one object fact per function.
//
// Why: the runner (staticcheck's) writes every package's facts together
// with all facts of its dependencies, and decodes the lot again for every
// package that imports it. With tens of thousands of object facts over
// the standard library and a large module's dependencies, decoding and
// re-encoding them dominated a cold run (a third of caddy's CPU). A table
// travels as one opaque byte string: re-exporting it is a copy, and only
// the tables of packages a pass actually calls into are ever decoded.
//
// The answers are those of ImportObjectFact and ExportObjectFact: an
// object's entry is found by its objectpath.Path (objects without one are
// invisible to other packages, as object facts are), and an object of the
// pass's own package finds what the pass exported for it so far.
package facttable

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/stdfacts"
)

// Table is the package fact's payload: the gob encoding of a package's
// entries, sorted by path. An analyzer's package fact type embeds it:
//
//	type packageSummaries struct{ facttable.Table[Summary] }
//	func (*packageSummaries) AFact() {}
//
// F is the per-object summary; *F must be an analysis.Fact (the test
// harness lists the entries as object facts).
type Table[F any] struct {
	data []byte
	// own is every entry of the pass that made the table, unexported
	// objects' too, for the harness; it is never encoded.
	own map[types.Object]*F
}

type entry[F any] struct {
	Path string
	Fact F
}

// GobEncode returns the encoded entries as they are: re-exporting a
// dependency's table never re-encodes it.
func (t *Table[F]) GobEncode() ([]byte, error) { return t.data, nil }

// GobDecode keeps the entries encoded until a pass looks one up.
func (t *Table[F]) GobDecode(b []byte) error {
	t.data = bytes.Clone(b)
	return nil
}

func (t *Table[F]) table() *Table[F] { return t }

func (t *Table[F]) decode() (map[objectpath.Path]F, error) {
	var entries []entry[F]
	if len(t.data) > 0 {
		if err := gob.NewDecoder(bytes.NewReader(t.data)).Decode(&entries); err != nil {
			return nil, err
		}
	}
	m := make(map[objectpath.Path]F, len(entries))
	for _, e := range entries {
		m[objectpath.Path(e.Path)] = e.Fact
	}
	return m, nil
}

func (t *Table[F]) encode(m map[objectpath.Path]F) error {
	entries := make([]entry[F], 0, len(m))
	for p, f := range m {
		entries = append(entries, entry[F]{string(p), f})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Path < entries[j].Path })
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(entries); err != nil {
		return err
	}
	t.data = buf.Bytes()
	return nil
}

// String lists the entries, for the harness's round-trip check.
func (t *Table[F]) String() string {
	m, err := t.decode()
	if err != nil {
		return "facttable: " + err.Error()
	}
	var lines []string
	for p, f := range m {
		lines = append(lines, fmt.Sprintf("%s: %v", p, any(&f)))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// ObjectFacts returns the entries as object facts of pkg's objects, for the
// test harness's `// want name:"fact"` expectations.
func (t *Table[F]) ObjectFacts(pkg *types.Package) []analysis.ObjectFact {
	var out []analysis.ObjectFact
	if t.own != nil {
		for obj, f := range t.own {
			if fact, ok := any(f).(analysis.Fact); ok {
				out = append(out, analysis.ObjectFact{Object: obj, Fact: fact})
			}
		}
		return out
	}
	m, err := t.decode()
	if err != nil {
		return nil
	}
	for p, f := range m {
		obj, err := objectpath.Object(pkg, p)
		fact, ok := any(&f).(analysis.Fact)
		if err == nil && ok {
			out = append(out, analysis.ObjectFact{Object: obj, Fact: fact})
		}
	}
	return out
}

// Lister is implemented by every table's package fact.
type Lister interface {
	ObjectFacts(pkg *types.Package) []analysis.ObjectFact
}

// Fact is an analyzer's package fact type: a pointer to a struct that
// embeds Table[F].
type Fact[F any] interface {
	analysis.Fact
	table() *Table[F]
}

// Set is one pass's view of a table type: what the pass exports for its
// own package's objects and what it reads of other packages'.
type Set[F any, P Fact[F]] struct {
	pass     *analysis.Pass
	mk       func() P
	own      map[types.Object]*F
	imported map[*types.Package]map[objectpath.Path]F
	enc      *objectpath.Encoder
}

// New returns an empty set for pass; mk makes an empty package fact.
func New[F any, P Fact[F]](pass *analysis.Pass, mk func() P) *Set[F, P] {
	return &Set[F, P]{
		pass:     pass,
		mk:       mk,
		own:      map[types.Object]*F{},
		imported: map[*types.Package]map[objectpath.Path]F{},
		enc:      new(objectpath.Encoder),
	}
}

// Export records f for obj, an object of the pass's package (a later call
// for the same object replaces it). Flush encodes the records as they are
// then, like the runner encodes object facts after the pass.
func (s *Set[F, P]) Export(obj types.Object, f *F) {
	if obj.Pkg() != s.pass.Pkg {
		panic(fmt.Sprintf("facttable: export of %v, an object of another package", obj))
	}
	s.own[obj] = f
}

// Import returns the entry for obj, and whether there is one.
func (s *Set[F, P]) Import(obj types.Object) (F, bool) {
	var zero F
	pkg := obj.Pkg()
	if pkg == nil {
		return zero, false
	}
	if pkg == s.pass.Pkg {
		if f, ok := s.own[obj]; ok {
			return *f, true
		}
		return zero, false
	}
	m, ok := s.imported[pkg]
	if !ok {
		fact := s.mk()
		if s.pass.ImportPackageFact(pkg, fact) {
			// A table that does not decode is a cache written by another
			// build: the salt keeps that from happening; treat it as absent.
			m, _ = fact.table().decode()
		} else if data, ok := stdfacts.Lookup(stdfacts.Key(fact), pkg.Path()); ok {
			// The driver left the standard library out of the analysis;
			// its facts were computed ahead of time by the same engines.
			fact.table().data = data
			m, _ = fact.table().decode()
		}
		s.imported[pkg] = m
	}
	if m == nil {
		return zero, false
	}
	path, err := s.enc.For(obj)
	if err != nil {
		return zero, false
	}
	f, ok := m[path]
	return f, ok
}

// Flush exports the pass's records as its package's fact; call it once,
// after the last Export. Objects without an object path (unexported ones)
// stay visible to this pass only, as object facts do.
func (s *Set[F, P]) Flush() error {
	if len(s.own) == 0 {
		return nil
	}
	m := make(map[objectpath.Path]F, len(s.own))
	for obj, f := range s.own {
		if p, err := s.enc.For(obj); err == nil {
			m[p] = *f
		}
	}
	fact := s.mk()
	if err := fact.table().encode(m); err != nil {
		return err
	}
	fact.table().own = s.own
	s.pass.ExportPackageFact(fact)
	return nil
}
