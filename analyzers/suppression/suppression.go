package suppression

import (
	_ "embed"
	"fmt"

	"golang.org/x/tools/go/analysis"

	"github.com/reviewlint/reviewlint/analyzers/internal/host/directive"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/policy"
	"github.com/reviewlint/reviewlint/analyzers/internal/meta/catalog"
	"github.com/reviewlint/reviewlint/analyzers/internal/meta/docutil"
)

//go:embed doc.go
var doc string

// The rule IDs this analyzer reports.
const (
	RuleMissingReason = "suppression/missing-reason"
	RuleUnused        = "suppression/unused"
	RuleUnknownRule   = "suppression/unknown-rule"
)

// Config holds what the host sets up for the analyzer; none of it comes
// from .reviewlint.yml.
type Config struct {
	// Markers makes the analyzer report every directive as a
	// policy.MarkerDeclared diagnostic, for the CLI's -check-suppressions.
	Markers bool `yaml:"-" json:"-"`
	// Owns reports whether a lowercase selector names something of
	// reviewlint's (a rule, analyzer or family). Only directives aimed at
	// reviewlint alone get a marker: a bare //nolint or one naming another
	// linter may be used by that linter.
	Owns func(selector string) bool `yaml:"-" json:"-"`
	// Known reports whether a lowercase selector is one a //reviewlint:ignore
	// may name: a rule, analyzer or family, "staticcheck" or "all". Nil
	// (a host without the catalog) accepts every selector.
	Known func(selector string) bool `yaml:"-" json:"-"`
}

// DefaultConfig returns the settings used when nothing is configured.
func DefaultConfig() Config { return Config{} }

// Analyzer is the analyzer with the default settings.
var Analyzer = New(DefaultConfig())

// Rules lists the rules this analyzer reports.
var Rules = []catalog.Rule{
	{
		ID:    RuleMissingReason,
		Title: "a //reviewlint:ignore directive without a rule ID or a reason",
		Text: `A suppression silences a finding for every future reader. Without a reason
nobody can tell whether it still holds after the code around it changes.
Write the rule ID and a short reason after the directive. staticcheck's
//lint:ignore and //lint:file-ignore, which reviewlint honours for its own
rules and the bundled checks, require the reason too: without one they
suppress nothing, and are reported when they name reviewlint's checks.`,
		Bad:      "resp, err := http.Get(u) //reviewlint:ignore httpbody/unclosed",
		Good:     "resp, err := http.Get(u) //reviewlint:ignore httpbody/unclosed closed by the stream owner",
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleUnused,
		Title: "a suppression directive that suppresses nothing",
		Text: `A directive that matches no finding is stale: the code it excused was fixed
or moved. Stale directives hide future findings on the same line. Delete it.
Reported only with -check-suppressions, because a directive for a rule that
is switched off, or for another linter, would otherwise look unused.`,
		Bad:      "n := len(s) //nolint:errorlog // nothing here returns an error",
		Good:     "n := len(s)",
		Severity: catalog.Info,
		Default:  false,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleUnknownRule,
		Title: "a //reviewlint:ignore directive naming a rule reviewlint does not have",
		Text: `A directive suppresses only the rules it names. A misspelt rule ID, or a
rule that was renamed, suppresses nothing, and the finding it meant to
excuse shows up again; worse, the directive still reads as a decision that
was taken. Name an existing rule ID, analyzer or family (` + "`reviewlint rules`" + `
lists them).`,
		Bad:      "resp, err := http.Get(u) //reviewlint:ignore http/unclosed closed by the stream owner",
		Good:     "resp, err := http.Get(u) //reviewlint:ignore httpbody/unclosed closed by the stream owner",
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.2.0",
	},
}

// New returns the analyzer configured by cfg.
func New(cfg Config) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "suppression",
		Doc:      docutil.MustExtract(doc, "suppression"),
		URL:      "https://github.com/reviewlint/reviewlint/blob/main/docs/suppression.md",
		Requires: []*analysis.Analyzer{directive.Analyzer},
		Run:      (&settings{cfg}).run,
	}
}

type settings struct{ cfg Config }

func (s *settings) run(pass *analysis.Pass) (any, error) {
	idx := pass.ResultOf[directive.Analyzer].(*directive.Index)
	for _, d := range idx.All {
		// Like staticcheck, a file-wide directive is never called unused.
		if s.cfg.Markers && d.Kind != directive.LintFileIgnore && s.aimedAtUs(d) {
			pass.Report(analysis.Diagnostic{Pos: d.Pos, End: d.End, Category: policy.MarkerDeclared, Message: "declared"})
		}
		if d.Kind == directive.LintIgnore || d.Kind == directive.LintFileIgnore {
			s.checkLint(pass, d)
			continue
		}
		if d.Kind != directive.Ignore {
			continue
		}
		s.checkKnown(pass, d)
		switch {
		case len(d.Selectors) == 0:
			pass.Report(analysis.Diagnostic{
				Pos: d.Pos, End: d.End, Category: RuleMissingReason,
				Message: "//reviewlint:ignore names no rule; write the rule ID and a reason",
			})
		case d.Reason == "":
			pass.Report(analysis.Diagnostic{
				Pos: d.Pos, End: d.End, Category: RuleMissingReason,
				Message: "//reviewlint:ignore " + d.RuleText + " gives no reason; say why the finding does not apply",
			})
		}
	}
	return nil, nil
}

// checkKnown reports each selector of a //reviewlint:ignore directive that
// names nothing of reviewlint's.
func (s *settings) checkKnown(pass *analysis.Pass, d *directive.Directive) {
	if s.cfg.Known == nil {
		return
	}
	for _, sel := range d.Selectors {
		if sel == "reviewlint" || s.cfg.Known(sel) {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos: d.Pos, End: d.End, Category: RuleUnknownRule,
			Message: fmt.Sprintf("//reviewlint:ignore names %q, which is no reviewlint rule, analyzer or family, so it suppresses nothing (reviewlint rules lists them)", sel),
		})
	}
}

// checkLint reports a staticcheck //lint: directive without a reason that
// names one of reviewlint's checks: staticcheck's syntax requires the
// reason, and without it the directive suppresses nothing.
func (s *settings) checkLint(pass *analysis.Pass, d *directive.Directive) {
	if d.Reason != "" || !s.aimedAtUs(d) {
		return
	}
	pass.Report(analysis.Diagnostic{
		Pos: d.Pos, End: d.End, Category: RuleMissingReason,
		Message: "//lint:" + lintCommand(d) + " " + d.RuleText + " gives no reason, so it suppresses nothing (staticcheck's syntax requires one); say why the finding does not apply",
	})
}

func lintCommand(d *directive.Directive) string {
	if d.Kind == directive.LintFileIgnore {
		return "file-ignore"
	}
	return "ignore"
}

// aimedAtUs reports whether every selector of d names reviewlint or one of
// its rules, so that an unused d is stale for certain.
func (s *settings) aimedAtUs(d *directive.Directive) bool {
	if d.Kind == directive.Ignore {
		return true
	}
	if len(d.Selectors) == 0 || s.cfg.Owns == nil {
		return false
	}
	for _, sel := range d.Selectors {
		if sel != "reviewlint" && !s.cfg.Owns(sel) {
			return false
		}
	}
	return true
}
