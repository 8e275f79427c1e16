package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/reviewlint/reviewlint/internal/fix"
	"github.com/reviewlint/reviewlint/internal/report"
)

// applyFixes plans, applies and compiles the suggested fixes; with -fix it
// writes them, with -diff it prints them. It returns the findings that
// remain: those whose fix was written are gone.
func applyFixes(res *report.Result, f *lintFlags, cwd string, stdout, stderr io.Writer) (*report.Result, error) {
	edits, skipped := fix.Plan(res.Findings)
	changes, more := fix.Apply(edits)
	skipped = append(skipped, more...)
	changes, more, err := fix.Verify(context.Background(), cwd, changes, buildFlags(f))
	if err != nil {
		return nil, err
	}
	skipped = append(skipped, more...)
	for _, s := range skipped {
		s.File = report.Rel(cwd, s.File)
		fmt.Fprintf(stderr, "reviewlint: %s\n", s)
	}
	if f.diff {
		_, err := stdout.Write(fix.Diff(changes, cwd))
		return res, err
	}
	if err := fix.Write(changes); err != nil {
		return nil, err
	}
	if len(changes) > 0 {
		fmt.Fprintf(stderr, "reviewlint: fixed %d file(s)\n", len(changes))
	}
	return withoutFixed(res, changes, skipped), nil
}

// withoutFixed drops the findings whose fix was written: every file of the
// fix changed, and the fix itself was not skipped.
func withoutFixed(res *report.Result, changes []fix.Change, skipped []fix.Skipped) *report.Result {
	changed := map[string]bool{}
	for _, c := range changes {
		changed[c.File] = true
	}
	type key struct {
		file, rule string
		line       int
	}
	notApplied := map[key]bool{}
	for _, s := range skipped {
		notApplied[key{s.File, s.Rule, s.Line}] = true
	}
	out := &report.Result{Errors: res.Errors}
	for _, fd := range res.Findings {
		fixed := len(fd.Fixes) > 0 && !notApplied[key{fd.File, fd.Rule, fd.Start.Line}]
		if fixed {
			for _, e := range fd.Fixes[0].Edits {
				fixed = fixed && changed[e.File]
			}
		}
		if !fixed {
			out.Findings = append(out.Findings, fd)
		}
	}
	return out
}

func buildFlags(f *lintFlags) []string {
	if len(f.tags) == 0 {
		return nil
	}
	return []string{"-tags=" + f.tags.String()}
}
