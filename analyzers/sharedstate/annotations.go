package sharedstate

import (
	"go/ast"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/reviewlint/reviewlint/analyzers/internal/locks"
)

var (
	// checklocksAnnotation is gVisor's field annotation: +checklocks:mu.
	checklocksAnnotation = regexp.MustCompile(`\+checklocks:([A-Za-z_][A-Za-z0-9_]*)`)
	// guardsComment is the prose convention on a mutex field:
	// "mu sync.Mutex // guards x and y", "protects the fields below".
	guardsComment = regexp.MustCompile(`(?i)\b(?:guards|protects)\b(.*)`)
	identifier    = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
)

// declaredGuards returns, per field key (pkg.Type.field), the mutex field
// that its declaration says guards it.
func declaredGuards(pass *analysis.Pass) map[string]string {
	out := map[string]string{}
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			prefix := pass.Pkg.Path() + "." + ts.Name.Name + "."
			for field, guard := range structGuards(pass, st) {
				out[prefix+field] = guard
			}
			return true
		})
	}
	return out
}

// structGuards reads one struct's annotations and guard comments.
func structGuards(pass *analysis.Pass, st *ast.StructType) map[string]string {
	names := map[string]bool{}
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			names[n.Name] = true
		}
	}
	out := map[string]string{}
	for _, f := range st.Fields.List {
		text := commentText(f)
		if m := checklocksAnnotation.FindStringSubmatch(text); m != nil {
			for _, n := range f.Names {
				out[n.Name] = m[1]
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
			if names[id] && id != mu {
				if _, annotated := out[id]; !annotated {
					out[id] = mu
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
