package sharedstate

import (
	"go/ast"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
)

var (
	// checklocksAnnotation is gVisor's field annotation: +checklocks:mu.
	checklocksAnnotation = regexp.MustCompile(`\+checklocks:([A-Za-z_][A-Za-z0-9_]*)`)
	// guardsComment is the prose convention on a mutex field:
	// "mu sync.Mutex // guards x and y", "protects the fields below".
	guardsComment = regexp.MustCompile(`(?i)\b(?:guards|protects)\b(.*)`)
	identifier    = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
)

// declaredGuards returns, per field, the mutex field that its declaration
// says guards it.
func declaredGuards(pass *analysis.Pass) map[*types.Var]string {
	out := map[*types.Var]string{}
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			st, ok := n.(*ast.StructType)
			if !ok {
				return true
			}
			for field, guard := range structGuards(pass, st) {
				if v, ok := pass.TypesInfo.Defs[field].(*types.Var); ok {
					out[v] = guard
				}
			}
			return true
		})
	}
	return out
}

// structGuards reads one struct's annotations and guard comments.
func structGuards(pass *analysis.Pass, st *ast.StructType) map[*ast.Ident]string {
	names := map[string]*ast.Ident{}
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			names[n.Name] = n
		}
	}
	out := map[*ast.Ident]string{}
	for _, f := range st.Fields.List {
		text := commentText(f)
		if m := checklocksAnnotation.FindStringSubmatch(text); m != nil {
			for _, n := range f.Names {
				out[n] = m[1]
			}
		}
		if len(f.Names) != 1 || !locks.IsMutexType(pass.TypesInfo.TypeOf(f.Type)) {
			continue
		}
		m := guardsComment.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		mu := f.Names[0].Name
		for _, id := range identifier.FindAllString(m[1], -1) {
			if n := names[id]; n != nil && id != mu {
				if _, annotated := out[n]; !annotated {
					out[n] = mu
				}
			}
		}
	}
	return out
}

// commentText joins a field's doc and line comments.
func commentText(f *ast.Field) string {
	var parts []string
	for _, g := range []*ast.CommentGroup{f.Doc, f.Comment} {
		if g != nil {
			parts = append(parts, g.Text())
		}
	}
	return strings.Join(parts, " ")
}
