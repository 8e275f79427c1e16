// Package settings is reviewlint's configuration model: what a user can
// configure (which rules run, their severities, excluded paths, and every
// family's settings) and how a rule's state follows from it. The
// .reviewlint.yml loader (internal/config), go vet -vettool and the
// golangci-lint plugin all produce a Config; analyzers.New builds the
// suite from one. Selectors are checked against the catalog by
// analyzers.New and the loader, which have it.
package settings

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/reviewlint/reviewlint/analyzers/errorlog"
	"github.com/reviewlint/reviewlint/analyzers/goroutineleak"
	"github.com/reviewlint/reviewlint/analyzers/httpbody"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/settingerr"
	"github.com/reviewlint/reviewlint/analyzers/internal/meta/catalog"
	"github.com/reviewlint/reviewlint/analyzers/resourceclose"
	"github.com/reviewlint/reviewlint/analyzers/sharedstate"
)

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

// Only returns s with each family told which of its rules run (see the
// families' Config.Enabled).
func (s Settings) Only(on func(rule string) bool) Settings {
	s.ResourceClose.Enabled = on
	s.GoroutineLeak.Enabled = on
	s.SharedState.Enabled = on
	s.ErrorLog.Enabled = on
	s.HTTPBody.Enabled = on
	return s
}

// Config is what a user can configure. .reviewlint.yml, go vet -vettool and
// the golangci-lint plugin settings all map to it.
type Config struct {
	// Enable and Disable take selectors (see analyzers.IsSelector). The
	// most specific selector wins; at equal specificity Disable wins.
	Enable  []string `yaml:"enable" json:"enable"`
	Disable []string `yaml:"disable" json:"disable"`
	// Severity overrides a rule's (or a whole family's) severity.
	Severity map[string]catalog.Severity `yaml:"severity" json:"severity"`
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

// Validate reports the first severity or exclude glob that is invalid, or
// else every invalid value in the families' settings. Selectors are the
// catalog's to check (analyzers.New does). Loaders with positions (the
// YAML loader) check entries one by one instead.
func (c Config) Validate() error {
	for _, sev := range c.Severity {
		if _, err := catalog.ParseSeverity(string(sev)); err != nil {
			return err
		}
	}
	for _, g := range c.Exclude {
		if err := CheckGlob(g); err != nil {
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
func (c Config) RuleEnabled(r catalog.Rule) bool {
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

// SeverityOf returns the effective severity of rule r under c.
func (c Config) SeverityOf(r catalog.Rule) catalog.Severity {
	sev, rank := r.Severity, -1
	for s, v := range c.Severity {
		if sr := selectorRank(s); selects(s, r) && sr > rank {
			sev, rank = v, sr
		}
	}
	return sev
}

// selectsAt reports whether a selector of the given specificity in list
// covers r.
func selectsAt(list []string, r catalog.Rule, level int) bool {
	for _, s := range list {
		if selectorRank(s) == level && selects(s, r) {
			return true
		}
	}
	return false
}

// selectorRank orders selectors from general to specific; a more specific
// one overrides a more general one. A selector that is neither "all",
// "staticcheck" nor a family is a rule ID (or selects nothing).
func selectorRank(s string) int {
	s = strings.ToLower(s)
	switch {
	case s == "all":
		return 0
	case s == "staticcheck", slices.Contains(catalog.Families, s):
		return 1
	}
	return 3
}

// selects reports whether selector s covers rule r.
func selects(s string, r catalog.Rule) bool {
	s = strings.ToLower(s)
	return s == "all" ||
		s == strings.ToLower(r.ID) ||
		s == r.Family ||
		s == strings.ToLower(r.Analyzer) ||
		(s == "staticcheck" && strings.HasPrefix(r.Credit, "staticcheck"))
}
