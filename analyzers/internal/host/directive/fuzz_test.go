package directive_test

import (
	"strings"
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/internal/host/directive"
)

// FuzzParse checks that any comment text parses without a panic into
// either no directive or one whose selectors are non-empty, lowercased
// and free of separators (they are matched against rule IDs as is).
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"//nolint", "// nolint:errcheck // reason", "//nolint:all", "//nolint:a,,B ,c",
		"//reviewlint:ignore httpbody/unclosed closed by the caller", "//reviewlint:ignore",
		"//reviewlint:ignoreX", "//lint:ignore SA5001 reason", "//lint:file-ignore U1000 unused",
		"//lint:", "// plain comment", "/* block */", "//nolint:\t", "//nolint:errcheck\t// reason", "//lint:ignore ,,, r",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if strings.ContainsAny(text, "\n\r") {
			return // a line comment from go/ast ends before its newline
		}
		d := directive.Parse(text)
		if d == nil {
			return
		}
		for _, s := range d.Selectors {
			if s == "" || s != strings.ToLower(s) || strings.ContainsAny(s, ", \t\n") {
				t.Fatalf("Parse(%q): bad selector %q in %q", text, s, d.Selectors)
			}
		}
	})
}
