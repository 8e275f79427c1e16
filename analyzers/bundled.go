package analyzers

import (
	"cmp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/copylock"
	"honnef.co/go/tools/analysis/lint"
	"honnef.co/go/tools/staticcheck/sa1012"
	"honnef.co/go/tools/staticcheck/sa1015"
	"honnef.co/go/tools/staticcheck/sa1017"
	"honnef.co/go/tools/staticcheck/sa1025"
	"honnef.co/go/tools/staticcheck/sa2000"
	"honnef.co/go/tools/staticcheck/sa2001"
	"honnef.co/go/tools/staticcheck/sa2002"
	"honnef.co/go/tools/staticcheck/sa2003"
	"honnef.co/go/tools/staticcheck/sa5001"
	"honnef.co/go/tools/staticcheck/sa5002"
	"honnef.co/go/tools/staticcheck/sa5003"
	"honnef.co/go/tools/staticcheck/sa5004"
	"honnef.co/go/tools/staticcheck/sa9001"

	"github.com/reviewlint/reviewlint/analyzers/internal/meta/catalog"
)

// bundledCheck is a staticcheck check or a go vet pass that belongs to one
// of our families. They already do these well, so we run them instead of
// rewriting them, under their own IDs and with credit.
type bundledCheck struct {
	family string
	check  *lint.Analyzer     // a staticcheck check, or
	vet    *analysis.Analyzer // a go vet pass
}

// analyzer is the check's analyzer.
func (b bundledCheck) analyzer() *analysis.Analyzer {
	if b.vet != nil {
		return b.vet
	}
	return b.check.Analyzer
}

// tool is the selector a //nolint may use for the check besides its ID.
func (b bundledCheck) tool() string {
	if b.vet != nil {
		return "govet"
	}
	return "staticcheck"
}

// bundled lists the staticcheck checks and go vet passes reviewlint runs. Each sits in the
// family whose bugs it finds; SA1027 (64-bit atomic alignment) is left out
// because it only matters on 32-bit platforms and staticcheck's own copy is
// enough there.
var bundled = []bundledCheck{
	{family: "httpbody", check: sa1012.SCAnalyzer},                      // nil context.Context passed to a function
	{family: "goroutineleak", check: sa1015.SCAnalyzer},                 // time.Tick leak (before Go 1.23)
	{family: "goroutineleak", check: sa1017.SCAnalyzer},                 // unbuffered channel passed to signal.Notify
	{family: "goroutineleak", check: sa1025.SCAnalyzer},                 // Timer.Reset's return value misused
	{family: "goroutineleak", check: sa2000.SCAnalyzer},                 // WaitGroup.Add inside the goroutine
	{family: "sharedstate", check: sa2001.SCAnalyzer},                   // empty critical section
	{family: "goroutineleak", check: sa2002.SCAnalyzer},                 // t.FailNow from a goroutine
	{family: "sharedstate", check: sa2003.SCAnalyzer},                   // deferred Lock right after Lock
	{family: "resourceclose", check: sa5001.SCAnalyzer},                 // defer Close before the error check
	{family: "goroutineleak", check: sa5002.SCAnalyzer},                 // empty for loop spins
	{family: "resourceclose", check: sa5003.SCAnalyzer},                 // defer in an infinite loop never runs
	{family: "goroutineleak", check: sa5004.SCAnalyzer},                 // for { select { default: } } spins
	{family: "resourceclose", check: sa9001.SCAnalyzer},                 // defer in a range loop runs late
	{family: "sharedstate", vet: withoutResetCopies(copylock.Analyzer)}, // locks copied by value
}

// rule turns a staticcheck check's structured documentation into a catalog
// entry.
func (b bundledCheck) rule() catalog.Rule {
	if b.vet != nil {
		return b.vetRule()
	}
	doc := b.check.Doc.Compile()
	name := b.check.Analyzer.Name
	ours := bundledDocs[name]
	return catalog.Rule{
		ID:       name,
		Analyzer: name,
		Family:   b.family,
		Title:    title(doc.Title),
		Text:     cmp.Or(doc.Text, ours.text),
		Bad:      cmp.Or(doc.Before, ours.bad),
		Good:     cmp.Or(doc.After, ours.good),
		Severity: severityOf(doc.Severity),
		Default:  !doc.NonDefault,
		Since:    "staticcheck " + doc.Since,
		Credit:   "staticcheck (honnef.co/go/tools), MIT licence",
		URL:      "https://staticcheck.dev/docs/checks/#" + name,
	}
}

// vetRule is the catalog entry of a go vet pass, from our own docs.
func (b bundledCheck) vetRule() catalog.Rule {
	name := b.vet.Name
	ours := bundledDocs[name]
	return catalog.Rule{
		ID:       name,
		Analyzer: name,
		Family:   b.family,
		Title:    ours.title,
		Text:     ours.text,
		Bad:      ours.bad,
		Good:     ours.good,
		Severity: catalog.Warning,
		// On: no corpus findings once copies whose locks are reset at once
		// (vault's shallow Client clones) are left out (withoutResetCopies);
		// the default policy, catalog.Evidence.
		Default: true,
		Since:   "go vet",
		Credit:  "go vet (golang.org/x/tools), BSD licence",
		URL:     "https://pkg.go.dev/golang.org/x/tools/go/analysis/passes/" + strings.TrimSuffix(name, "s"),
	}
}

// title turns a staticcheck title into the catalog's style: its first
// sentence, starting lowercase (unless it starts with an acronym), without
// a final period.
func title(t string) string {
	t, _, _ = strings.Cut(t, ". ")
	t = strings.TrimSuffix(t, ".")
	first, n := utf8.DecodeRuneInString(t)
	if next, _ := utf8.DecodeRuneInString(t[n:]); !unicode.IsUpper(next) {
		t = string(unicode.ToLower(first)) + t[n:]
	}
	return t
}

func severityOf(s lint.Severity) catalog.Severity {
	switch s {
	case lint.SeverityError:
		return catalog.Error
	case lint.SeverityWarning, lint.SeverityDeprecated:
		return catalog.Warning
	}
	return catalog.Info
}
