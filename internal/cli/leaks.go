package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/internal/leakdump"
	"github.com/reviewlint/reviewlint/internal/report"
)

// ruleUnpredicted is the rule of a group of goroutines blocked at run time
// that no static finding predicted.
const ruleUnpredicted = "leaks/unpredicted"

// confirmingFamilies are the families whose findings a blocked goroutine
// can confirm: leaks, and the locks it waits on.
var confirmingFamilies = []string{"goroutineleak", "sharedstate"}

// cmdLeaks is `reviewlint leaks [flags] DUMP [packages]`: it reads a
// goroutine dump, groups its blocked goroutines by creation site and
// waiting place, analyses the packages, and prints each group as the
// static finding that predicted it, confirmed, or as leaks/unpredicted.
func cmdLeaks(args []string, stdout, stderr io.Writer) (int, error) {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
		fmt.Fprint(stdout, leaksUsage)
		return ExitClean, nil
	}
	f, rest, err := parseLintFlags(args, stdout)
	if err == flag.ErrHelp {
		return ExitClean, nil
	}
	if err != nil {
		return ExitUsage, err
	}
	if f.fix || f.diff {
		return ExitUsage, usageError{fmt.Errorf("leaks: -fix and -diff do not apply")}
	}
	if len(rest) == 0 {
		return ExitUsage, usageError{fmt.Errorf("leaks: missing the goroutine dump (reviewlint leaks [flags] DUMP [packages]; - reads stdin)")}
	}
	dump, patterns := rest[0], orAll(rest[1:])
	groups, err := readGroups(dump)
	if err != nil {
		return ExitUsage, usageError{err}
	}
	cwd, err := os.Getwd()
	if err != nil {
		return ExitUsage, err
	}
	static, code, err := analyse(f, patterns, cwd, stderr)
	if err != nil {
		return code, err
	}
	res, t := confirm(groups, static, cwd)
	env := report.Env{Cwd: cwd, Rules: append(analyzers.Rules(), unpredictedRule()), Version: Version, ShowSeverity: f.showSeverity}
	if err := report.Writers[f.format].Write(stdout, res, env); err != nil {
		return ExitUsage, err
	}
	fmt.Fprintf(stderr, "reviewlint leaks: %d groups of blocked goroutines: %d predicted by a static finding (at the wait, the go statement, on the stack or naming the wait as its other side), %d with one elsewhere in the waiting function, %d not predicted\n", len(groups), t.predicted, t.related, t.unpredicted)
	if len(res.Errors) > 0 {
		return loadExitCode(res.Errors), nil
	}
	if len(groups) > 0 {
		return ExitFindings, nil
	}
	return ExitClean, nil
}

// readGroups parses the dump at path ("-" for stdin) into groups.
func readGroups(path string) ([]*leakdump.Group, error) {
	var r io.Reader = os.Stdin
	if path != "-" {
		file, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("leaks: %v", err)
		}
		defer file.Close()
		r = file
	}
	gs, err := leakdump.Parse(r)
	if err != nil {
		return nil, fmt.Errorf("leaks: %s: %v", path, err)
	}
	return leakdump.Groups(gs), nil
}

// confirm turns each group into findings: the static findings of the
// confirming families that predicted it, their message prefixed with what
// the dump shows, or one leaks/unpredicted finding at the waiting place.
func confirm(groups []*leakdump.Group, static *report.Result, root string) (*report.Result, tally) {
	var candidates []report.Finding
	for _, fd := range static.Findings {
		family, _, _ := strings.Cut(fd.Rule, "/")
		for _, fam := range confirmingFamilies {
			if family == fam {
				candidates = append(candidates, fd)
			}
		}
	}
	matched := leakdump.MatchAll(groups, candidates, root)
	out := &report.Result{Errors: static.Errors}
	var t tally
	for _, g := range groups {
		t.add(matched[g])
		seen := map[string]bool{}
		for _, m := range matched[g] {
			fd := m.Finding
			key := fmt.Sprintf("%s:%d:%s", fd.File, fd.Start.Line, fd.Rule)
			if seen[key] {
				continue
			}
			seen[key] = true
			prefix := "confirmed at run time: "
			switch m.How {
			case leakdump.Related:
				prefix = "confirmed at run time, at the other side it names: "
			case leakdump.SameFunc:
				prefix = "in the function where goroutines are blocked at run time: "
			}
			fd.Message = prefix + describe(g) + "; " + fd.Message
			fd.Fixes = nil
			out.Findings = append(out.Findings, fd)
		}
		if len(matched[g]) == 0 {
			out.Findings = append(out.Findings, report.Finding{
				Rule:     ruleUnpredicted,
				Analyzer: "leaks",
				Severity: analyzers.Warning,
				Message:  describe(g) + "; no static finding predicted it",
				File:     g.At.File,
				Start:    report.Position{Line: g.At.Line, Column: 1},
				End:      report.Position{Line: g.At.Line, Column: 1},
			})
		}
	}
	out.Sort()
	return out, t
}

// tally counts groups by their strongest match.
type tally struct{ predicted, related, unpredicted int }

func (t *tally) add(ms []leakdump.Match) {
	switch {
	case len(ms) == 0:
		t.unpredicted++
	case ms[0].How == leakdump.SameFunc:
		t.related++
	default:
		t.predicted++
	}
}

// describe says what a group is: "3 goroutines blocked in chan send at
// worker.go:21 (main.run.func1), leaked, created at worker.go:18".
func describe(g *leakdump.Group) string {
	n := len(g.Goroutines)
	noun := "goroutines"
	if n == 1 {
		noun = "goroutine"
	}
	s := fmt.Sprintf("%d %s blocked in %s at %s (%s)", n, noun, g.Reason, shortPos(g.At), g.At.Func)
	switch {
	case g.Leaked:
		s += ", proved leaked by the leak profile"
	case g.MaxMinutes > 0:
		s += fmt.Sprintf(", for up to %d minutes", g.MaxMinutes)
	}
	if g.CreatedAt != nil {
		s += ", created at " + shortPos(*g.CreatedAt)
	}
	return s
}

// shortPos is a frame's file base name and line: the finding's own
// position already names the file in full.
func shortPos(f leakdump.Frame) string {
	return fmt.Sprintf("%s:%d", f.File[strings.LastIndex(f.File, "/")+1:], f.Line)
}

func unpredictedRule() analyzers.Rule {
	return analyzers.Rule{
		ID:       ruleUnpredicted,
		Analyzer: "leaks",
		Family:   "goroutineleak",
		Title:    "goroutines blocked at run time that no static finding predicted",
		Text:     "reviewlint leaks read a goroutine dump and found goroutines waiting on a channel or a lock at this line, and no goroutineleak or sharedstate finding is at the wait, at the go statement that created them or along their stack. Read the stack: either the wait ends later (a slow peer, a long poll) or it is a leak the static rules miss; please report the latter.",
		Severity: analyzers.Warning,
	}
}

const leaksUsage = `Usage: reviewlint leaks [flags] DUMP [packages]

Reads a goroutine dump (DUMP, or - for stdin) and sets its blocked
goroutines beside the static findings on the packages (default ./...).
Accepted dumps: /debug/pprof/goroutine?debug=2, the goroutines printed by a
go test timeout or a crash (GOTRACEBACK=all), and Go 1.26's goroutine leak
profile (GOEXPERIMENT=goroutineleakprofile, pprof.Lookup("goroutineleak")
written with debug=2).

Goroutines blocked on a channel or a lock (or marked leaked by the leak
profile) with a frame in the program are grouped by wait reason, waiting
line and creation site. Each group is printed as the goroutineleak or
sharedstate finding at its waiting line, its go statement or a line of its
stack, with "confirmed at run time: ..." before the message, or as a
leaks/unpredicted finding at the waiting line. A summary goes to stderr.

Exit codes: 0 no blocked goroutines; 1 some; 2 usage errors and unreadable
dumps; 3 packages that failed to load (as for a lint run).

The lint flags apply (-format, -config, -enable, -disable, -tags, -test,
-cache); -enable goroutineleak,sharedstate confirms against every rule of
the two families, not only the default ones.
`
