package heuristics

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// DefectNote reports whether a comment's text (with or without its // or
// /* */ marks) starts with a Go defect marker, TODO, FIXME, BUG or XXX,
// alone or followed by a character that is not a letter or digit ("TODO:",
// "BUG(rsc)", "XXX "). Such a note says something is unfinished or wrong:
// it neither explains a decision (explaining-comment) nor states a
// contract (held-doc).
func DefectNote(text string) bool {
	body := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(text, "//"), "/*"), "*/"))
	for _, m := range []string{"TODO", "FIXME", "BUG", "XXX"} {
		rest, ok := strings.CutPrefix(body, m)
		if !ok {
			continue
		}
		r, _ := utf8.DecodeRuneInString(rest)
		if rest == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// WithoutDefectNotes returns a doc comment's text (ast.CommentGroup.Text)
// without the paragraphs that are defect notes.
func WithoutDefectNotes(doc string) string {
	paras := strings.Split(doc, "\n\n")
	kept := paras[:0]
	for _, p := range paras {
		if !DefectNote(p) {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}
