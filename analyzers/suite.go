// Package analyzers is reviewlint's suite and catalog: every analyzer and
// every rule it reports, with their metadata, in one place, and New, which
// builds the analyzers a configuration (package analyzers/settings) runs.
// The CLI, go vet -vettool, the golangci-lint plugin, `reviewlint
// rules`/`explain`, SARIF rules[] and docs/ are all built from it.
package analyzers

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/reviewlint/reviewlint/analyzers/errorlog"
	"github.com/reviewlint/reviewlint/analyzers/goroutineleak"
	"github.com/reviewlint/reviewlint/analyzers/httpbody"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/lifetime"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/policy"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/settingerr"
	"github.com/reviewlint/reviewlint/analyzers/internal/meta/catalog"
	"github.com/reviewlint/reviewlint/analyzers/resourceclose"
	"github.com/reviewlint/reviewlint/analyzers/settings"
	"github.com/reviewlint/reviewlint/analyzers/sharedstate"
	"github.com/reviewlint/reviewlint/analyzers/suppression"
)

// Rule and Severity are re-exported for the CLI and the plugin, which cannot
// import analyzers/internal.
type (
	Rule     = catalog.Rule
	Severity = catalog.Severity
)

// Unmeasured lists the rules whose default the corpus cannot measure.
var Unmeasured = catalog.Unmeasured

// The severities.
const (
	Error   = catalog.Error
	Warning = catalog.Warning
	Info    = catalog.Info
)

// Families are the bug families, in the order users meet them in docs.
var Families = catalog.Families

// own describes one of reviewlint's analyzer packages.
type own struct {
	name  string
	rules []catalog.Rule
	build func(settings.Settings, Options) *analysis.Analyzer
}

func owns() []own {
	return []own{
		{"resourceclose", resourceclose.Rules, func(s settings.Settings, _ Options) *analysis.Analyzer { return resourceclose.New(s.ResourceClose) }},
		{"goroutineleak", goroutineleak.Rules, func(s settings.Settings, _ Options) *analysis.Analyzer { return goroutineleak.New(s.GoroutineLeak) }},
		{"sharedstate", sharedstate.Rules, func(s settings.Settings, _ Options) *analysis.Analyzer { return sharedstate.New(s.SharedState) }},
		{"errorlog", errorlog.Rules, func(s settings.Settings, _ Options) *analysis.Analyzer {
			return errorlog.NewWithEngine(s.ErrorLog, lifetime.For(s.ResourceClose.Kinds))
		}},
		{"httpbody", httpbody.Rules, func(s settings.Settings, _ Options) *analysis.Analyzer {
			return httpbody.NewWithEngine(s.HTTPBody, lifetime.For(s.ResourceClose.Kinds))
		}},
		{"suppression", suppression.Rules, func(_ settings.Settings, o Options) *analysis.Analyzer {
			return suppression.New(suppression.Config{Markers: o.Markers, Owns: ownsSelector, Known: IsSelector})
		}},
	}
}

// FamilyAnalyzer returns the default analyzer of one of reviewlint's own
// families (for its documentation), whether or not any of its rules is on;
// nil for any other name.
func FamilyAnalyzer(name string) *analysis.Analyzer {
	for _, o := range owns() {
		if o.name == name {
			return o.build(settings.DefaultSettings(), Options{})
		}
	}
	return nil
}

// Rules returns every rule, sorted by ID.
func Rules() []Rule {
	var out []Rule
	for _, o := range owns() {
		for _, r := range o.rules {
			r.Analyzer, r.Family = o.name, o.name
			if r.URL == "" {
				r.URL = "https://github.com/reviewlint/reviewlint/blob/main/docs/" + o.name + ".md#" + anchor(r.ID)
			}
			out = append(out, r)
		}
	}
	for _, b := range bundled {
		out = append(out, b.rule())
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// anchor is the markdown heading anchor docs/ generates for a rule ID.
func anchor(id string) string {
	return strings.NewReplacer("/", "", ".", "").Replace(strings.ToLower(id))
}

// Lookup finds a rule by ID, case-insensitively.
func Lookup(id string) (Rule, bool) {
	for _, r := range Rules() {
		if strings.EqualFold(r.ID, id) {
			return r, true
		}
	}
	return Rule{}, false
}

// IsSelector reports whether s names something a config may enable or
// disable: "all", a family or analyzer name, "staticcheck", or a rule ID.
func IsSelector(s string) bool {
	_, ok := selectorRank(s)
	return ok
}

// ownsSelector is IsSelector without the names other linters share.
func ownsSelector(s string) bool { return s != "all" && s != "staticcheck" && IsSelector(s) }

// selectorRank orders selectors from general to specific (as
// settings.Config ranks them); ok is false for a selector that names
// nothing.
func selectorRank(s string) (int, bool) {
	s = strings.ToLower(s)
	switch {
	case s == "all":
		return 0, true
	case s == "staticcheck":
		return 1, true
	}
	for _, f := range Families {
		if s == f {
			return 1, true
		}
	}
	if _, ok := Lookup(s); ok {
		return 3, true
	}
	return 0, false
}

// Options are host concerns that are not user configuration.
type Options struct {
	// Markers asks for the bookkeeping diagnostics the CLI needs for
	// -check-suppressions (see policy.MarkerDeclared). Other hosts leave it off.
	Markers bool
	// TagMessages appends the rule ID to each message, for hosts that show
	// neither the Category nor the URL (go vet, golangci-lint).
	TagMessages bool
}

// New returns the analyzers to run for c: each of reviewlint's analyzers
// that has an enabled rule, and each enabled bundled check, wrapped so that
// disabled rules, excluded paths and suppressed lines are filtered in every
// host.
func New(c settings.Config, opts Options) ([]*analysis.Analyzer, error) {
	if err := validSelectors(c); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	enabled := map[string]bool{}
	for _, r := range Rules() {
		if c.RuleEnabled(r) {
			enabled[r.ID] = true
		}
	}
	excluded, err := c.Excluder()
	if err != nil {
		return nil, err
	}
	p := policy.Policy{
		Enabled:     func(id string) bool { return enabled[id] },
		Excluded:    excluded,
		Generated:   c.Generated,
		Markers:     opts.Markers,
		TagMessages: opts.TagMessages,
	}
	// The families run only the rules that are on (and only the engines
	// those rules read); the policy drops the findings of the others too,
	// for the bundled checks and for analyzers built by other means.
	families := c.Settings.Only(func(id string) bool { return enabled[id] })
	var out []*analysis.Analyzer
	for _, o := range owns() {
		if !anyEnabled(o.rules, enabled) && !(opts.Markers && o.name == "suppression") {
			continue
		}
		out = append(out, policy.Wrap(o.build(families, opts), []string{o.name}, p))
	}
	for _, b := range bundled {
		if a := b.analyzer(); enabled[a.Name] {
			out = append(out, policy.Wrap(a, []string{b.tool(), b.family}, p))
		}
	}
	return out, nil
}

// validSelectors reports the first selector of c that names no rule,
// family or analyzer.
func validSelectors(c settings.Config) error {
	for _, list := range [][]string{c.Enable, c.Disable} {
		for _, s := range list {
			if !IsSelector(s) {
				return fmt.Errorf("unknown rule or analyzer %q", s)
			}
		}
	}
	for s := range c.Severity {
		if !IsSelector(s) {
			return fmt.Errorf("unknown rule or analyzer %q", s)
		}
	}
	return nil
}

func anyEnabled(rules []Rule, enabled map[string]bool) bool {
	for _, r := range rules {
		if enabled[r.ID] {
			return true
		}
	}
	return false
}

// All returns the default suite: every analyzer with default-on rules.
func All() []*analysis.Analyzer {
	as, err := New(settings.DefaultConfig(), Options{})
	if err != nil {
		panic(err) // the default config is valid by construction
	}
	return as
}

// The categories of the bookkeeping diagnostics reported with
// Options.Markers; the CLI consumes them and never prints them.
const (
	MarkerDeclared = policy.MarkerDeclared
	MarkerUsed     = policy.MarkerUsed
)

// SettingDiagnostic is the category of the diagnostic an analyzer reports
// for a setting the analysed code contradicts (a configured function that
// its package does not have); its message is "settings.FAMILY.KEY:
// REASON" (see SplitSetting). The CLI turns it into a configuration error.
const SettingDiagnostic = settingerr.Category

// SplitSetting returns the key path and the reason of a SettingDiagnostic's
// message.
func SplitSetting(msg string) (key, reason string) { return settingerr.Split(msg) }

// ParseSeverity validates a severity name.
func ParseSeverity(s string) (Severity, error) { return catalog.ParseSeverity(s) }
