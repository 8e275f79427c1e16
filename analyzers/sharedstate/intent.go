package sharedstate

import (
	"go/ast"
	"go/token"
	"regexp"
	"strings"

	"golang.org/x/tools/go/ssa"
)

var (
	// reasonedNote is a comment next to an access that says why it needs
	// no lock ("No need to lock, attempt is committed and cannot change",
	// "Safe to read: only written in callbacks, which are serialised",
	// "benign race"): an assertion, not a mere mention of locking.
	reasonedNote = regexp.MustCompile(`(?i)\bno (need|lock|locking|mutex)\b|\b(don't|doesn't|do not|does not|needn't|need not|no need to) (need )?(to )?(take |hold |grab )?(the |a )?(lock|locking|mutex)|\b(lock|locking|mutex) (is |are )?(not |un)(needed|required|necessary)|\bsafe (to|because|since|without|as|here|for)\b|\b(is|are|it's) (thread[- ])?safe\b|\brace[- ]free\b|\b(benign|harmless|intentional|acceptable)(ly)? (data )?rac(e|y)\b|\bwithout (the |a |taking the |holding the )?(lock|locking|mutex)\b|\b(already|still) (locked|held|holding)\b|\b(lock|mutex|mu) (is )?(already )?held\b|\bholding (the )?\w*\s?(lock|mutex)\b|\bunder (the )?\w*\s?(lock|mutex)\b|\b(serialized|serialised|synchronized|synchronised) (by|through|via|with|on)\b|\bonly (ever )?(called|accessed|written|read|used|modified|set|touched) (from|by|in|on|during|before)\b`)
	// defectNote marks a comment that flags the access as a problem
	// ("BUG: this read is racy", "TODO: lock"): no reason to stay silent.
	defectNote = regexp.MustCompile(`\b(BUG|TODO|FIXME|XXX)\b|(?i)\b(is|are) racy\b`)
	// unsharedNote is a function doc saying it does not run concurrently
	// ("reset is for testing only, and doesn't need to be thread safe").
	unsharedNote = regexp.MustCompile(`(?i)not (thread|concurrency|goroutine)[- ]safe|need(s)? (not|n't) (to )?be (thread|concurrency)[- ]safe|testing only|only (for|in|used in) tests?\b|for tests\b|before (it is |being )?(used|started|served|shared)|not safe for concurrent`)
)

// notes indexes the package's comments by file and line.
type notes struct {
	fset  *token.FileSet
	lines map[string]map[int]string
}

// indexNotes reads every comment of the files.
func indexNotes(fset *token.FileSet, files []*ast.File) *notes {
	n := &notes{fset: fset, lines: map[string]map[int]string{}}
	for _, f := range files {
		for _, g := range f.Comments {
			for _, c := range g.List {
				p := fset.Position(c.Pos())
				m := n.lines[p.Filename]
				if m == nil {
					m = map[int]string{}
					n.lines[p.Filename] = m
				}
				if strings.HasPrefix(c.Text, "// want ") {
					continue // an analysistest expectation, not the author's note
				}
				m[p.Line] += " " + c.Text
			}
		}
	}
	return n
}

// reasonedAt reports whether a comment inside fn's body, on the line of
// pos or the three lines above, talks about locking or safety: the author
// decided.
func (n *notes) reasonedAt(fn *ssa.Function, pos token.Pos) bool {
	p := n.fset.Position(pos)
	first := p.Line - 3
	if body := bodyOf(fn); body != nil {
		first = max(first, n.fset.Position(body.Lbrace).Line)
	}
	m := n.lines[p.Filename]
	for l := first; l <= p.Line; l++ {
		if reasonedNote.MatchString(m[l]) && !defectNote.MatchString(m[l]) {
			return true
		}
	}
	return false
}

// bodyOf returns fn's body in the syntax tree, if it has one.
func bodyOf(fn *ssa.Function) *ast.BlockStmt {
	switch s := fn.Syntax().(type) {
	case *ast.FuncDecl:
		return s.Body
	case *ast.FuncLit:
		return s.Body
	}
	return nil
}

// unshared reports whether fn's doc (or its enclosing function's) says it
// does not run concurrently with anything.
func unshared(fn *ssa.Function) bool {
	for ; fn != nil; fn = fn.Parent() {
		if decl, ok := fn.Syntax().(*ast.FuncDecl); ok && decl.Doc != nil && unsharedNote.MatchString(decl.Doc.Text()) {
			return true
		}
	}
	return false
}
