// Package catalog defines the metadata every reviewlint rule carries. The
// analyzers package assembles the catalog; everything user-facing (rules,
// explain, SARIF rules[], docs/, the README table) is generated from it.
package catalog

import "fmt"

// Severity is a rule's default (or configured) severity.
type Severity string

// The three severities, ordered from most to least severe.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Rank orders severities: error > warning > info. Unknown severities rank 0.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// ParseSeverity validates a severity name.
func ParseSeverity(s string) (Severity, error) {
	sev := Severity(s)
	if sev.Rank() == 0 {
		return "", fmt.Errorf("unknown severity %q (want error, warning or info)", s)
	}
	return sev, nil
}

// Rule is one reportable check. Its ID is the diagnostic's Category.
type Rule struct {
	// ID is "<analyzer>/<kebab-name>" for reviewlint's own rules and the
	// staticcheck check name (e.g. "SA2000") for bundled checks.
	ID string
	// Analyzer is the name of the go/analysis analyzer that reports it.
	Analyzer string
	// Family is the bug family the rule belongs to (resourceclose, goroutineleak,
	// sharedstate, errorlog, httpbody, or reviewlint for meta rules).
	Family string
	// Title is one line, lowercase, no final period.
	Title string
	// Text says why the rule matters and how to fix a finding.
	Text string
	// Bad and Good are short Go examples: code the rule reports and its fix.
	Bad, Good string
	Severity  Severity
	// Default reports whether the rule is on without configuration: what
	// its measured evidence on the bench corpus decides (Policy; a test
	// keeps the two in step).
	Default bool
	// Since is the reviewlint version (or, for bundled checks, the
	// staticcheck version) the rule first appeared in.
	Since string
	// Credit names the project a bundled rule comes from; empty for our own.
	Credit string
	// URL points at the rule's documentation page.
	URL string
}

// Families are the bug families, in the order users meet them in docs.
var Families = []string{"resourceclose", "goroutineleak", "sharedstate", "errorlog", "httpbody", "suppression"}
