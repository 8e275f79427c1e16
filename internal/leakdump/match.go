package leakdump

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/reviewlint/reviewlint/internal/report"
)

// How says where a static finding meets a group.
type How int

// The ways a finding matches a group, strongest first.
const (
	// AtWait: the finding is on the line where the goroutines wait.
	AtWait How = iota
	// AtGo: on their creation site, the go statement.
	AtGo
	// OnStack: on a line of the calls that led to the wait.
	OnStack
	// Related: the finding names the waiting line as a part of the bug
	// (the other lock of an inversion, the partner that needs the lock
	// held across a wait): the goroutines are its other side.
	Related
	// SameFunc: elsewhere in the function where they wait (the function
	// literal or declaration that encloses the waiting line): the same
	// mechanism, seen at another of its operations. Weaker than the
	// others; it needs the source file on this machine.
	SameFunc
)

// A Match is one static finding that a group confirms.
type Match struct {
	Finding report.Finding
	How     How
}

// MatchAll returns, for each group, the static findings it confirms,
// strongest first. root is the directory the findings' packages were
// analysed from (the module root, usually): a dumped path that ends with a
// finding's path relative to it is the same file, wherever the program was
// built.
func MatchAll(groups []*Group, findings []report.Finding, root string) map[*Group][]Match {
	out := map[*Group][]Match{}
	funcs := funcIndex{}
	samePath := func(local, dumped string) bool { return samePathUnder(root, local, dumped) }
	for _, g := range groups {
		var ms []Match
		for _, f := range findings {
			if how, ok := matches(g, f, funcs, samePath); ok {
				ms = append(ms, Match{f, how})
			}
		}
		slices.SortStableFunc(ms, func(a, b Match) int { return int(a.How) - int(b.How) })
		if len(ms) > 0 {
			out[g] = ms
		}
	}
	return out
}

func matches(g *Group, f report.Finding, funcs funcIndex, samePath func(local, dumped string) bool) (How, bool) {
	at := func(fr Frame) bool { return f.Start.Line == fr.Line && samePath(f.File, fr.File) }
	switch {
	case at(g.At):
		return AtWait, true
	case g.CreatedAt != nil && at(*g.CreatedAt):
		return AtGo, true
	case slices.ContainsFunc(g.Stack, at):
		return OnStack, true
	case slices.ContainsFunc(f.Related, func(r report.Related) bool { return r.Start.Line == g.At.Line && samePath(r.File, g.At.File) }):
		return Related, true
	case samePath(f.File, g.At.File) && funcs.sameFunc(f.File, f.Start.Line, g.At.Line):
		return SameFunc, true
	}
	return 0, false
}

// samePathUnder is samePath, and also true when dumped ends with local's
// path relative to root: a file at the module root, built in a checkout
// of another name, shares only its base name with the local copy.
func samePathUnder(root, local, dumped string) bool {
	if root != "" {
		if rel, err := filepath.Rel(root, local); err == nil && !strings.HasPrefix(rel, "..") {
			rel = filepath.ToSlash(rel)
			d := filepath.ToSlash(dumped)
			if d == rel {
				return true
			}
			// /build/x/cmd/main.go ends with /main.go too: the dumped
			// file's parent must not be a directory of the module.
			if prefix, ok := strings.CutSuffix(d, "/"+rel); ok && !isDir(filepath.Join(root, path.Base(prefix))) {
				return true
			}
		}
	}
	return samePath(local, dumped)
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// samePath reports whether a finding's file (absolute, on this machine)
// and a dump's file (absolute on the machine that ran the program, or
// module-relative when it was built with -trimpath) are the same source
// file: equal, or equal in their last two path elements at least (the
// file and its directory), or in all of the shorter one's.
func samePath(local, dumped string) bool {
	a := strings.Split(filepath.ToSlash(local), "/")
	b := strings.Split(filepath.ToSlash(dumped), "/")
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n >= min(2, len(a), len(b))
}

// funcIndex parses local files once, for SameFunc.
type funcIndex map[string][]span

// span is the lines of a function declaration or literal.
type span struct{ from, to int }

// sameFunc reports whether lines a and b of file share their innermost
// enclosing function.
func (ix funcIndex) sameFunc(file string, a, b int) bool {
	spans, ok := ix[file]
	if !ok {
		spans = functionSpans(file)
		ix[file] = spans
	}
	ia, ib := innermost(spans, a), innermost(spans, b)
	return ia >= 0 && ia == ib
}

// functionSpans lists the function declarations and literals of file; none
// when it cannot be read.
func functionSpans(file string) []span {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	var out []span
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			out = append(out, span{fset.Position(n.Pos()).Line, fset.Position(n.End()).Line})
		}
		return true
	})
	return out
}

// innermost returns the index of the narrowest span holding line, or -1.
func innermost(spans []span, line int) int {
	best := -1
	for i, s := range spans {
		if s.from <= line && line <= s.to && (best < 0 || s.to-s.from < spans[best].to-spans[best].from) {
			best = i
		}
	}
	return best
}
