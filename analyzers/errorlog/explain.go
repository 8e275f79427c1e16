package errorlog

import (
	"go/ast"
	"strings"

	"github.com/reviewlint/reviewlint/analyzers/internal/meta/heuristics"
)

// Several rules of this family report an error that disappears without a
// word to the reader (swallowed, empty-branch, goroutine-dropped,
// parse-unchecked, and discarded's `_ =`): their documented remedy is to
// say why, so a comment in the place the rule names is the fix, not a
// suppression. A comment that only flags the drop as unfinished says the
// opposite: a Go defect note (TODO, FIXME, BUG, XXX, the markers go doc
// and editors collect) explains nothing, and neither does an analysistest
// expectation. See analyzers/internal/meta/heuristics (explaining-comment).

// explains reports whether one comment explains a decision.
func explains(text string) bool {
	body := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(text, "//"), "/*"), "*/"))
	return body != "" && !strings.HasPrefix(body, "want ") && !heuristics.DefectNote(body)
}

// explainsGroup reports whether any comment of the group explains.
func explainsGroup(cg *ast.CommentGroup) bool {
	for _, c := range cg.List {
		if explains(c.Text) {
			return true
		}
	}
	return false
}
