package analyzers_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/analyzers/errorlog"
	"github.com/reviewlint/reviewlint/analyzers/goroutineleak"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
	"github.com/reviewlint/reviewlint/analyzers/resourceclose"
	"github.com/reviewlint/reviewlint/analyzers/settings"
	"github.com/reviewlint/reviewlint/analyzers/sharedstate"
)

// TestEnginesOfEnabledRules: the suite runs an engine only when a rule
// that is on reads it. An engine left out is not computed for any
// package, so no importer misses its facts, and one that runs is the same
// analyzer whatever is on, so its facts do not change either.
func TestEnginesOfEnabledRules(t *testing.T) {
	for _, c := range []struct {
		enable, disable []string
		want, absent    []string
	}{
		{nil, nil, []string{"lifetime", "locks", "chanflow", "handlers", "errorlogsummary", "buildir"}, nil},
		// staticcheck's IR is built only for the bundled checks that read
		// it, beside x/tools' SSA, which the families share.
		{nil, []string{"SA1015", "SA1017", "SA1025", "SA2002"}, []string{"buildir", "buildssa"}, nil},
		{nil, []string{"SA1015", "SA1017", "SA1025", "SA2002", "SA2003"}, []string{"buildssa"}, []string{"buildir"}},
		{[]string{"errorlog/wrap-verb"}, nil, []string{"errorlogsummary"}, []string{"lifetime", "locks", "chanflow", "handlers", "buildir"}},
		{[]string{"errorlog/log-not-sent"}, nil, []string{"errorlogsummary", "lifetime"}, []string{"locks", "handlers"}},
		{[]string{"goroutineleak/blocked-send"}, nil, []string{"chanflow"}, []string{"locks", "lifetime"}},
		{[]string{"goroutineleak/wait-holding-lock"}, nil, []string{"chanflow", "locks"}, nil},
		{[]string{"httpbody/no-timeout"}, nil, nil, []string{"lifetime", "handlers"}},
		{[]string{"httpbody/write-after-error"}, nil, []string{"handlers"}, []string{"lifetime"}},
		{[]string{"httpbody/undrained"}, nil, []string{"lifetime"}, []string{"handlers"}},
		{[]string{"SA1012"}, nil, nil, []string{"buildir", "buildssa"}},
	} {
		cfg := settings.DefaultConfig()
		cfg.Disable = c.disable
		if c.enable != nil {
			cfg.Disable, cfg.Enable = []string{"all"}, c.enable
		}
		suite, err := analyzers.New(cfg, analyzers.Options{})
		if err != nil {
			t.Fatal(err)
		}
		names := required(suite)
		for _, n := range c.want {
			if !names[n] {
				t.Errorf("enable %v, disable %v: %s does not run", c.enable, c.disable, n)
			}
		}
		for _, n := range c.absent {
			if names[n] {
				t.Errorf("enable %v, disable %v: %s runs, but no rule that is on reads it", c.enable, c.disable, n)
			}
		}
	}
}

// required returns the names of the analyzers suite runs.
func required(suite []*analysis.Analyzer) map[string]bool {
	seen := map[string]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if !seen[a.Name] {
			seen[a.Name] = true
			for _, r := range a.Requires {
				visit(r)
			}
		}
	}
	for _, a := range suite {
		visit(a)
	}
	return seen
}

// TestDisabledRuleSkipped: a family runs only the checks of its rules
// that are on, and a rule's findings do not depend on which others are.
// On a rule's bad fixture, the family analyzer itself (no policy to
// filter it) reports nothing of the rule when it is off, and reports
// exactly the full analyzer's findings of the rule when it alone is on.
func TestDisabledRuleSkipped(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses fixtures three times per rule")
	}
	for _, c := range []struct {
		rule  string
		build func(enabled func(string) bool) *analysis.Analyzer
	}{
		{resourceclose.RuleDeferInLoop, func(on func(string) bool) *analysis.Analyzer {
			return resourceclose.New(resourceclose.Config{Enabled: on})
		}},
		{goroutineleak.RuleWaitHoldingLock, func(on func(string) bool) *analysis.Analyzer {
			return goroutineleak.New(goroutineleak.Config{Enabled: on})
		}},
		{sharedstate.RuleLockOrder, func(on func(string) bool) *analysis.Analyzer {
			return sharedstate.New(sharedstate.Config{Enabled: on})
		}},
		{errorlog.RuleLogNotSent, func(on func(string) bool) *analysis.Analyzer {
			return errorlog.New(errorlog.Config{Enabled: on})
		}},
	} {
		t.Run(c.rule, func(t *testing.T) {
			bad := c.rule + "/bad"
			all := ofRule(ruletest.Diagnostics(t, c.build(nil), bad), c.rule)
			if len(all) == 0 {
				t.Fatalf("the full analyzer reports nothing of %s on %s", c.rule, bad)
			}
			if got := ofRule(ruletest.Diagnostics(t, c.build(func(id string) bool { return id != c.rule }), bad), c.rule); len(got) > 0 {
				t.Errorf("with %s off, the analyzer still reports it: %s", c.rule, got)
			}
			alone := ruletest.Diagnostics(t, c.build(func(id string) bool { return id == c.rule }), bad)
			if got := ofRule(alone, c.rule); !slices.Equal(got, all) {
				t.Errorf("with only %s on, the analyzer reports\n%s\nwant the full analyzer's\n%s", c.rule, got, all)
			}
			for _, d := range alone {
				if d.Category != c.rule {
					t.Errorf("with only %s on, the analyzer reports %s: %s", c.rule, d.Category, d.Message)
				}
			}
		})
	}
}

// ofRule returns the messages of rule's diagnostics (positions differ
// between loads).
func ofRule(ds []analysis.Diagnostic, rule string) []string {
	var out []string
	for _, d := range ds {
		if d.Category == rule {
			out = append(out, d.Message)
		}
	}
	return out
}
