// Package fix turns the suggested fixes of a run into file changes, for the
// CLI's -fix (write them) and -diff (print them).
//
// The steps are separate so that each can refuse what it cannot vouch for:
//
//	edits, skipped := Plan(findings)       // pick fixes that do not conflict
//	changes, s := Apply(edits)             // edit in memory, gofmt, must parse
//	changes, s, err := Verify(ctx, dir, changes, flags) // must still compile
//	err = Write(changes)                   // atomic per file
//	os.Stdout.Write(Diff(changes, dir))    // or print them instead
//
// Every fix is applied whole or not at all, and each step returns what it
// dropped with a reason. Nothing touches the disk before Write; run in this
// order, Write is only given changes that parse, are gofmt'd and compile. A
// second -fix changes nothing: the fixed findings are gone, and gofmt is
// idempotent.
package fix

import "fmt"

// Change is the new content of one file.
type Change struct {
	File     string // absolute path
	Old, New []byte
}

// Skipped is a fix, or all the fixes of one file, that was not applied.
type Skipped struct {
	File   string
	Rule   string // the finding's rule; empty when all of File's fixes were skipped
	Line   int    // the finding's line; 0 when all of File's fixes were skipped
	Reason string
}

func (s Skipped) String() string {
	if s.Rule == "" {
		return fmt.Sprintf("%s: fixes not applied: %s", s.File, s.Reason)
	}
	return fmt.Sprintf("%s:%d: %s: fix not applied: %s", s.File, s.Line, s.Rule, s.Reason)
}

// skipFile is the Skipped for every fix of file.
func skipFile(file, reason string) Skipped {
	return Skipped{File: file, Reason: reason}
}
