package cli

import (
	"go/token"
	"strings"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/analyzers/settings"
	"github.com/reviewlint/reviewlint/analyzers/suppression"
	"github.com/reviewlint/reviewlint/internal/driver"
	"github.com/reviewlint/reviewlint/internal/report"
)

// findings turns the driver's diagnostics into findings with rules and
// severities, and (with -check-suppressions) adds a suppression/unused
// finding for every reviewlint directive that suppressed nothing.
func findings(out *driver.Output, cfg settings.Config, checkSuppressions bool) *report.Result {
	rules := map[string]analyzers.Rule{}
	for _, r := range analyzers.Rules() {
		rules[r.ID] = r
	}
	res := &report.Result{Errors: out.Errors}
	declared := map[token.Position]driver.Diagnostic{}
	used := map[token.Position]bool{}
	for _, d := range out.Diagnostics {
		switch d.Category {
		case analyzers.MarkerDeclared:
			declared[d.Position] = d
			continue
		case analyzers.MarkerUsed:
			used[d.Position] = true
			continue
		}
		res.Findings = append(res.Findings, finding(d, rules, cfg))
	}
	if checkSuppressions {
		for pos, d := range declared {
			if !used[pos] {
				d.Category = suppression.RuleUnused
				d.Message = "this suppression matched no finding; remove it"
				res.Findings = append(res.Findings, finding(d, rules, cfg))
			}
		}
	}
	res.Sort()
	return res
}

// finding converts one diagnostic. A category that is not a rule ID (an
// analyzer that reported without one) keeps the analyzer's name.
func finding(d driver.Diagnostic, rules map[string]analyzers.Rule, cfg settings.Config) report.Finding {
	r, ok := rules[d.Category]
	if !ok {
		r = analyzers.Rule{ID: d.Category, Analyzer: strings.SplitN(d.Category, "/", 2)[0], Severity: analyzers.Warning}
	}
	f := report.Finding{
		Rule:     r.ID,
		Analyzer: r.Analyzer,
		Severity: cfg.SeverityOf(r),
		Message:  d.Message,
		URL:      r.URL,
		File:     d.Position.Filename,
		Start:    pos(d.Position),
		End:      pos(d.End),
	}
	if f.End.Line == 0 {
		f.End = f.Start
	}
	for _, rel := range d.Related {
		f.Related = append(f.Related, report.Related{File: rel.Position.Filename, Start: pos(rel.Position), End: pos(rel.End), Message: rel.Message})
	}
	for _, sf := range d.SuggestedFixes {
		fx := report.Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			fx.Edits = append(fx.Edits, report.Edit{File: e.Position.Filename, Start: pos(e.Position), End: pos(e.End), NewText: string(e.NewText)})
		}
		f.Fixes = append(f.Fixes, fx)
	}
	return f
}

func pos(p token.Position) report.Position {
	return report.Position{Line: p.Line, Column: p.Column, Offset: p.Offset}
}
