package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// A package's class decides what its lines mean (README.md, "Ground truth").
type class string

const (
	classBad   class = "bad"   // // want lines are positive cases
	classGood  class = "good"  // every function is a negative case
	classFix   class = "fix"   // suggested-fix fixtures: not scored
	classMixed class = "mixed" // neither (facts/dep, facts/use): want lines positive, the other functions negative
)

// classify returns the class of a package from the directory names below
// its family: the first of bad, good, fix wins.
func classify(pkgRel string) class {
	for _, seg := range strings.Split(pkgRel, "/") {
		switch seg {
		case "bad":
			return classBad
		case "good":
			return classGood
		case "fix":
			return classFix
		}
	}
	return classMixed
}

// wantRE matches an analysistest expectation comment that expects a
// diagnostic: "// want" followed by a quoted or back-quoted pattern (fact
// expectations, `// want name:"..."`, do not match).
var wantRE = regexp.MustCompile("^(?://|/\\*)\\s*want\\s+[\"`]")

// A wantComment is one comment of a file that expects a diagnostic on its
// line.
type wantComment struct {
	line int
	text string // the whole comment, "// want ..."
}

// wantComments returns the expectation comments of f (wantRE), in order.
func wantComments(fset *token.FileSet, f *ast.File) []wantComment {
	var out []wantComment
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if wantRE.MatchString(c.Text) {
				out = append(out, wantComment{line: fset.Position(c.Slash).Line, text: c.Text})
			}
		}
	}
	return out
}

// A fn is a top-level function or method of a fixture file.
type fn struct {
	pkg        string // package directory relative to the family, e.g. unclosed/good
	file       string // file relative to the module
	name       string // f, T.m or (*T).m
	start, end int    // lines of the func keyword and the closing brace
	wants      []int  // // want lines inside
	class      class
}

func (f *fn) id() string { return f.pkg + "." + f.name }

// A positive case is one // want line.
type posCase struct {
	fn   *fn // nil when the line is outside every function
	pkg  string
	file string
	line int
}

func (c *posCase) name() string {
	if c.fn == nil {
		return c.pkg + ".(package level)"
	}
	return c.fn.id()
}

func (c *posCase) where() string { return fmt.Sprintf("%s:%d", filepath.Base(c.file), c.line) }

// truth is the ground truth of one family.
type truth struct {
	family    string
	positives []*posCase
	negatives []*fn
	funcs     map[string][]*fn // by file
	classes   map[string]class // by file
	posAt     map[string]*posCase
	pkgs      []string
	fixWants  int             // want lines in fix packages (not scored)
	isRule    map[string]bool // rule directories (with bad/, good/ or fix/ below)
}

// owns reports whether a finding of check (mapped to checkRule) belongs to
// the rule of a case in caseRule: the same rule, or any check for cases
// outside a rule directory (facts/).
func (t *truth) owns(caseRule, checkRule string) bool {
	return !t.isRule[caseRule] || caseRule == checkRule
}

func lineKey(file string, line int) string { return fmt.Sprintf("%s:%d", file, line) }

// loadTruth reads every package of module/family (pending/ and scratch/
// skipped, as prepare does).
func loadTruth(module, family string) (*truth, error) {
	t := &truth{
		family:  family,
		funcs:   map[string][]*fn{},
		classes: map[string]class{},
		posAt:   map[string]*posCase{},
		isRule:  map[string]bool{},
	}
	pkgs, err := packageDirs(module, family)
	if err != nil {
		return nil, err
	}
	t.pkgs = pkgs
	fset := token.NewFileSet()
	for _, pkg := range pkgs {
		dir := filepath.Join(module, filepath.FromSlash(pkg))
		pkgRel := strings.TrimPrefix(pkg, family+"/")
		cls := classify(pkgRel)
		if cls != classMixed {
			t.isRule[rule(pkgRel)] = true
		}
		ents, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		for _, e := range ents {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
				continue
			}
			fileRel := pkg + "/" + e.Name()
			f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.ParseComments|parser.SkipObjectResolution)
			if err != nil {
				return nil, fmt.Errorf("ground truth: %v", err)
			}
			t.classes[fileRel] = cls
			var fns []*fn
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				fns = append(fns, &fn{
					pkg:   pkgRel,
					file:  fileRel,
					name:  funcName(fd),
					start: fset.Position(fd.Pos()).Line,
					end:   fset.Position(fd.End()).Line,
					class: cls,
				})
			}
			t.funcs[fileRel] = fns
			for _, w := range wantComments(fset, f) {
				if cls == classFix {
					t.fixWants++
					continue
				}
				if _, dup := t.posAt[lineKey(fileRel, w.line)]; dup {
					continue
				}
				pc := &posCase{fn: enclosing(fns, w.line), pkg: pkgRel, file: fileRel, line: w.line}
				if pc.fn != nil {
					pc.fn.wants = append(pc.fn.wants, w.line)
				}
				t.positives = append(t.positives, pc)
				t.posAt[lineKey(fileRel, w.line)] = pc
			}
			if cls == classGood || cls == classMixed {
				for _, f := range fns {
					if len(f.wants) == 0 {
						t.negatives = append(t.negatives, f)
					}
				}
			}
		}
	}
	sort.SliceStable(t.positives, func(i, j int) bool {
		a, b := t.positives[i], t.positives[j]
		if a.file != b.file {
			return a.file < b.file
		}
		return a.line < b.line
	})
	sort.SliceStable(t.negatives, func(i, j int) bool {
		a, b := t.negatives[i], t.negatives[j]
		if a.file != b.file {
			return a.file < b.file
		}
		return a.start < b.start
	})
	return t, nil
}

// enclosing returns the function of fns whose lines contain line.
func enclosing(fns []*fn, line int) *fn {
	for _, f := range fns {
		if f.start <= line && line <= f.end {
			return f
		}
	}
	return nil
}

// funcName is f, T.m or (*T).m (type parameters dropped).
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	typ := fd.Recv.List[0].Type
	star := false
	if s, ok := typ.(*ast.StarExpr); ok {
		star, typ = true, s.X
	}
	switch x := typ.(type) {
	case *ast.IndexExpr:
		typ = x.X
	case *ast.IndexListExpr:
		typ = x.X
	}
	recv := "?"
	if id, ok := typ.(*ast.Ident); ok {
		recv = id.Name
	}
	if star {
		return "(*" + recv + ")." + fd.Name.Name
	}
	return recv + "." + fd.Name.Name
}

// rule is the first directory below the family: the rule a fixture
// belongs to (or "facts").
func rule(pkgRel string) string {
	r, _, _ := strings.Cut(pkgRel, "/")
	return r
}
