package analyzers

import (
	"cmp"
	"strings"
	"unicode"
	"unicode/utf8"

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

	"github.com/reviewlint/reviewlint/analyzers/internal/catalog"
)

// bundledCheck is a staticcheck check that belongs to one of our families.
// staticcheck already does these well, so we run them instead of rewriting
// them, under their own IDs and with credit.
type bundledCheck struct {
	family string
	check  *lint.Analyzer
}

// bundled lists the staticcheck checks reviewlint runs. Each sits in the
// family whose bugs it finds; SA1027 (64-bit atomic alignment) is left out
// because it only matters on 32-bit platforms and staticcheck's own copy is
// enough there.
var bundled = []bundledCheck{
	{"httpbody", sa1012.SCAnalyzer},      // nil context.Context passed to a function
	{"goroutineleak", sa1015.SCAnalyzer}, // time.Tick leak (before Go 1.23)
	{"goroutineleak", sa1017.SCAnalyzer}, // unbuffered channel passed to signal.Notify
	{"goroutineleak", sa1025.SCAnalyzer}, // Timer.Reset's return value misused
	{"goroutineleak", sa2000.SCAnalyzer}, // WaitGroup.Add inside the goroutine
	{"sharedstate", sa2001.SCAnalyzer},   // empty critical section
	{"goroutineleak", sa2002.SCAnalyzer}, // t.FailNow from a goroutine
	{"sharedstate", sa2003.SCAnalyzer},   // deferred Lock right after Lock
	{"resourceclose", sa5001.SCAnalyzer}, // defer Close before the error check
	{"goroutineleak", sa5002.SCAnalyzer}, // empty for loop spins
	{"resourceclose", sa5003.SCAnalyzer}, // defer in an infinite loop never runs
	{"goroutineleak", sa5004.SCAnalyzer}, // for { select { default: } } spins
	{"resourceclose", sa9001.SCAnalyzer}, // defer in a range loop runs late
}

// rule turns a staticcheck check's structured documentation into a catalog
// entry.
func (b bundledCheck) rule() catalog.Rule {
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
