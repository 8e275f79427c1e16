package cli

import (
	"flag"
	"fmt"
	"io"

	"github.com/reviewlint/reviewlint/internal/baseline"
	"github.com/reviewlint/reviewlint/internal/newfrom"
	"github.com/reviewlint/reviewlint/internal/report"
)

// reviewFlags are the filters for reviewing a change on a codebase with
// history: only what a diff touches, and not what a baseline records.
type reviewFlags struct {
	newFromRev, newFromPatch string
	baseline, writeBaseline  string

	// Read by prepare, before the analysis, so that a missing git or a bad
	// baseline fails fast.
	changes *newfrom.Changes
	base    *baseline.File
}

func addReviewFlags(fs *flag.FlagSet, r *reviewFlags) {
	fs.StringVar(&r.newFromRev, "new-from-rev", "", "report only findings on lines changed since git revision `REV` (committed, staged, unstaged and untracked)")
	fs.StringVar(&r.newFromPatch, "new-from-patch", "", "report only findings on lines a unified diff `FILE` adds or changes (- for stdin; paths relative to the git work tree)")
	fs.StringVar(&r.baseline, "baseline", "", "hide the findings recorded in baseline `FILE`; a summary line on stderr lists stale entries")
	fs.StringVar(&r.writeBaseline, "write-baseline", "", "record every finding in baseline `FILE` and report none (exit 0 unless packages fail to load)")
}

func (r *reviewFlags) check() error {
	if r.newFromRev != "" && r.newFromPatch != "" {
		return fmt.Errorf("-new-from-rev and -new-from-patch are exclusive")
	}
	return nil
}

// prepare reads the diff and the baseline.
func (r *reviewFlags) prepare(cwd string) error {
	var err error
	switch {
	case r.newFromRev != "":
		r.changes, err = newfrom.FromRev(cwd, r.newFromRev)
	case r.newFromPatch != "":
		r.changes, err = newfrom.FromPatch(cwd, r.newFromPatch)
	}
	if err != nil {
		return err
	}
	if r.baseline != "" {
		b, err := baseline.Read(r.baseline)
		if err != nil {
			return fmt.Errorf("-baseline: %v", err)
		}
		r.base = &b
	}
	return nil
}

// apply runs the filters in order: the diff, then -write-baseline (which
// records what is left and reports nothing), then -baseline.
func (r *reviewFlags) apply(res *report.Result, stderr io.Writer) (*report.Result, error) {
	if r.changes != nil {
		res.Findings = r.changes.Filter(res.Findings)
	}
	src := report.NewSources()
	if r.writeBaseline != "" {
		root, err := baseline.Root(r.writeBaseline)
		if err != nil {
			return nil, err
		}
		b := baseline.Build(res.Findings, root, src)
		if err := baseline.Write(r.writeBaseline, b); err != nil {
			return nil, fmt.Errorf("-write-baseline: %v", err)
		}
		fmt.Fprintf(stderr, "reviewlint: wrote %d findings (%d entries) to baseline %s\n", len(res.Findings), len(b.Entries), r.writeBaseline)
		res.Findings = nil
	}
	if r.base != nil {
		root, err := baseline.Root(r.baseline)
		if err != nil {
			return nil, err
		}
		out := baseline.Apply(*r.base, res.Findings, root, src)
		res.Findings = out.Kept
		printBaselineSummary(stderr, r.baseline, out)
	}
	return res, nil
}

// printBaselineSummary is one line of counts, then one line per stale
// entry so they can be removed.
func printBaselineSummary(w io.Writer, path string, out baseline.Outcome) {
	stale := 0
	for _, e := range out.Stale {
		stale += e.Count
	}
	fmt.Fprintf(w, "reviewlint: baseline %s: %d findings hidden, %d new, %d stale entries", path, out.Hidden, len(out.Kept), stale)
	if stale > 0 {
		fmt.Fprintf(w, " (fixed or changed; rewrite with -write-baseline)")
	}
	fmt.Fprintln(w)
	for _, e := range out.Stale {
		fmt.Fprintf(w, "reviewlint:   stale: %s %s: %s (x%d)\n", e.File, e.Rule, e.Code, e.Count)
	}
}
