package heuristics

import (
	"bytes"
	"fmt"
	"strings"
)

// Markdown renders the table as docs/heuristics.md.
func Markdown() []byte {
	var b bytes.Buffer
	b.WriteString("# Heuristics\n\n")
	b.WriteString("<!-- Generated from analyzers/internal/meta/heuristics; do not edit. Run: go test ./analyzers/internal/meta/heuristics -update -->\n\n")
	b.WriteString("Every place where a reviewlint rule decides from the spelling of a name or a comment rather than from\n")
	b.WriteString("the program's values. Everything else is reasoning on SSA and facts. Prose in comments is never an\n")
	b.WriteString("exemption: say a finding is intended with `//reviewlint:ignore RULE reason` (or `//nolint`, `//lint:ignore`),\n")
	b.WriteString("which every rule honours, or with gVisor checklocks' `+checklocksignore` where listed below.\n\n")
	b.WriteString("| heuristic | what | rules | exempted (good) | not exempted (bad) |\n")
	b.WriteString("| --- | --- | --- | --- | --- |\n")
	for _, h := range Table {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", h.ID, cell(h.What), codes(h.Rules), codes(h.Good), codes(h.Bad))
	}
	b.WriteString("\n## Why each exists\n\n")
	for _, h := range Table {
		fmt.Fprintf(&b, "- `%s` (%s): %s\n", h.ID, h.Code, h.Why)
	}
	return b.Bytes()
}

func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

func codes(xs []string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = "`" + x + "`"
	}
	return strings.Join(out, "<br>")
}
