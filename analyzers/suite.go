// Package analyzers is reviewlint's catalog: every analyzer and every rule it
// reports, with their metadata, in one place. The CLI, go vet -vettool, the
// golangci-lint plugin, `reviewlint rules`/`explain`, SARIF rules[] and docs/
// are all built from it.
package analyzers

import (
	"errors"
	"fmt"
	"reflect"
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
var Families = []string{"resourceclose", "goroutineleak", "sharedstate", "errorlog", "httpbody", "suppression"}

// Settings holds every analyzer's settings; it is the `settings:` block of
// .reviewlint.yml and of the golangci-lint plugin settings.
type Settings struct {
	ResourceClose resourceclose.Config `yaml:"resourceclose" json:"resourceclose"`
	GoroutineLeak goroutineleak.Config `yaml:"goroutineleak" json:"goroutineleak"`
	SharedState   sharedstate.Config   `yaml:"sharedstate" json:"sharedstate"`
	ErrorLog      errorlog.Config      `yaml:"errorlog" json:"errorlog"`
	HTTPBody      httpbody.Config      `yaml:"httpbody" json:"httpbody"`
}

// DefaultSettings returns every analyzer's default settings.
func DefaultSettings() Settings {
	return Settings{
		ResourceClose: resourceclose.DefaultConfig(),
		GoroutineLeak: goroutineleak.DefaultConfig(),
		SharedState:   sharedstate.DefaultConfig(),
		ErrorLog:      errorlog.DefaultConfig(),
		HTTPBody:      httpbody.DefaultConfig(),
	}
}

// only returns s with each family told which of its rules run.
func (s Settings) only(on func(rule string) bool) Settings {
	s.ResourceClose.Enabled = on
	s.GoroutineLeak.Enabled = on
	s.SharedState.Enabled = on
	s.ErrorLog.Enabled = on
	s.HTTPBody.Enabled = on
	return s
}

// own describes one of reviewlint's analyzer packages.
type own struct {
	name  string
	rules []catalog.Rule
	build func(Settings, Options) *analysis.Analyzer
}

func owns() []own {
	return []own{
		{"resourceclose", resourceclose.Rules, func(s Settings, _ Options) *analysis.Analyzer { return resourceclose.New(s.ResourceClose) }},
		{"goroutineleak", goroutineleak.Rules, func(s Settings, _ Options) *analysis.Analyzer { return goroutineleak.New(s.GoroutineLeak) }},
		{"sharedstate", sharedstate.Rules, func(s Settings, _ Options) *analysis.Analyzer { return sharedstate.New(s.SharedState) }},
		{"errorlog", errorlog.Rules, func(s Settings, _ Options) *analysis.Analyzer {
			return errorlog.NewWithEngine(s.ErrorLog, lifetime.For(s.ResourceClose.Kinds))
		}},
		{"httpbody", httpbody.Rules, func(s Settings, _ Options) *analysis.Analyzer {
			return httpbody.NewWithEngine(s.HTTPBody, lifetime.For(s.ResourceClose.Kinds))
		}},
		{"suppression", suppression.Rules, func(_ Settings, o Options) *analysis.Analyzer {
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
			return o.build(DefaultSettings(), Options{})
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

// selectorRank orders selectors from general to specific; a more specific
// one overrides a more general one.
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

// selects reports whether selector s covers rule r.
func selects(s string, r Rule) bool {
	s = strings.ToLower(s)
	return s == "all" ||
		s == strings.ToLower(r.ID) ||
		s == r.Family ||
		s == strings.ToLower(r.Analyzer) ||
		(s == "staticcheck" && strings.HasPrefix(r.Credit, "staticcheck"))
}

// Config is what a user can configure. .reviewlint.yml, go vet -vettool and
// the golangci-lint plugin settings all map to it.
type Config struct {
	// Enable and Disable take selectors (see IsSelector). The most specific
	// selector wins; at equal specificity Disable wins.
	Enable  []string `yaml:"enable" json:"enable"`
	Disable []string `yaml:"disable" json:"disable"`
	// Severity overrides a rule's (or a whole family's) severity.
	Severity map[string]Severity `yaml:"severity" json:"severity"`
	// Exclude lists path globs, relative to Dir, whose findings are dropped.
	// "**" matches any number of directories; a pattern that names a
	// directory covers everything below it.
	Exclude []string `yaml:"exclude" json:"exclude"`
	// Generated reports findings in generated files too (by default they
	// are dropped: fix the generator, not its output).
	Generated bool `yaml:"generated" json:"generated"`
	// Settings are per-analyzer settings.
	Settings Settings `yaml:"settings" json:"settings"`
	// Dir is the directory Exclude is relative to: the config file's.
	Dir string `yaml:"-" json:"-"`
}

// DefaultConfig enables the rules that are on by default.
func DefaultConfig() Config {
	return Config{Settings: DefaultSettings()}
}

// Validate reports the first selector, severity or exclude glob that is
// invalid, or else every invalid value in the families' settings. Loaders
// with positions (the YAML loader) check entries one by one instead.
func (c Config) Validate() error {
	for _, list := range [][]string{c.Enable, c.Disable} {
		for _, s := range list {
			if !IsSelector(s) {
				return fmt.Errorf("unknown rule or analyzer %q", s)
			}
		}
	}
	for s, sev := range c.Severity {
		if !IsSelector(s) {
			return fmt.Errorf("unknown rule or analyzer %q", s)
		}
		if _, err := catalog.ParseSeverity(string(sev)); err != nil {
			return err
		}
	}
	for _, g := range c.Exclude {
		if _, err := compileGlob(g); err != nil {
			return err
		}
	}
	return c.Settings.Validate()
}

// SettingError is the error a family's settings return from Validate:
// the offending value's key path below the family's block.
type SettingError = settingerr.Error

// Validate checks every family's settings: each field of Settings whose
// type has a Validate method (found by reflection, so that a new family's
// settings cannot be left out). It reports every invalid value, joined,
// each error naming its key from settings down.
func (s Settings) Validate() error {
	var errs []error
	v := reflect.ValueOf(s)
	for i := range v.NumField() {
		val, ok := v.Field(i).Interface().(interface{ Validate() error })
		if !ok {
			continue
		}
		key, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ",")
		for _, err := range settingerr.Each(val.Validate()) {
			errs = append(errs, fmt.Errorf("settings.%s.%w", key, err))
		}
	}
	return errors.Join(errs...)
}

// RuleEnabled reports whether rule r is on under c. Levels run from
// general to specific, so the most specific selector wins, and Disable wins
// a tie by being applied after Enable.
func (c Config) RuleEnabled(r Rule) bool {
	on := r.Default
	for level := 0; level <= 3; level++ {
		if selectsAt(c.Enable, r, level) {
			on = true
		}
		if selectsAt(c.Disable, r, level) {
			on = false
		}
	}
	return on
}

// selectsAt reports whether a selector of the given specificity in list
// covers r.
func selectsAt(list []string, r Rule, level int) bool {
	for _, s := range list {
		if rank, ok := selectorRank(s); ok && rank == level && selects(s, r) {
			return true
		}
	}
	return false
}

// SeverityOf returns the effective severity of rule r under c.
func (c Config) SeverityOf(r Rule) Severity {
	sev, rank := r.Severity, -1
	for s, v := range c.Severity {
		if sr, ok := selectorRank(s); ok && selects(s, r) && sr > rank {
			sev, rank = v, sr
		}
	}
	return sev
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
func New(c Config, opts Options) ([]*analysis.Analyzer, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	enabled := map[string]bool{}
	for _, r := range Rules() {
		if c.RuleEnabled(r) {
			enabled[r.ID] = true
		}
	}
	excluded, err := c.excluder()
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
	settings := c.Settings.only(func(id string) bool { return enabled[id] })
	var out []*analysis.Analyzer
	for _, o := range owns() {
		if !anyEnabled(o.rules, enabled) && !(opts.Markers && o.name == "suppression") {
			continue
		}
		out = append(out, policy.Wrap(o.build(settings, opts), []string{o.name}, p))
	}
	for _, b := range bundled {
		if a := b.analyzer(); enabled[a.Name] {
			out = append(out, policy.Wrap(a, []string{b.tool(), b.family}, p))
		}
	}
	return out, nil
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
	as, err := New(DefaultConfig(), Options{})
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
