package heuristics

import "testing"

func TestDefectNote(t *testing.T) {
	for text, want := range map[string]bool{
		"// TODO: report this":      true,
		"// TODO(bob) later":        true,
		"/* FIXME */":               true,
		"// BUG: this read is racy": true,
		"// XXX":                    true,
		"BUG(rsc): x":               true,
		"// TODOs are tracked":      false,
		"// BUGS live in bugs.go":   false,
		"// best effort: retried":   false,
		"// XXL sizes":              false,
		"// todo: lower case":       false,
		"// see TODO.md":            false,
	} {
		if got := DefectNote(text); got != want {
			t.Errorf("DefectNote(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestWithoutDefectNotes(t *testing.T) {
	doc := "Flush empties the ledger.\n\nBUG: the caller should hold l.mu\nbut Reset does not.\n\nLock should be held.\n"
	if got, want := WithoutDefectNotes(doc), "Flush empties the ledger.\n\nLock should be held.\n"; got != want {
		t.Errorf("WithoutDefectNotes = %q, want %q", got, want)
	}
}
