package errorlog_test

import (
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/errorlog"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
)

// The fixtures of every rule, fixes included, run in one analysis: the
// standard library packages they import (log, fmt, net/http ...) are
// analysed once, not once a rule. Each fixture package is checked for the
// rule its path names; pending/ packages hold the cases still wrong, with
// inverted expectations (ruletest's pending.go).
func TestRules(t *testing.T) {
	ruletest.RunFamilyWithSuggestedFixes(t, errorlog.Analyzer,
		"errorlog/swallowed/bad", "errorlog/swallowed/good", "errorlog/swallowed/fix", "errorlog/swallowed/pending",
		"errorlog/unlogged/bad", "errorlog/unlogged/good",
		"errorlog/log-and-return/bad", "errorlog/log-and-return/good",
		"errorlog/fatal-in-library/bad", "errorlog/fatal-in-library/good", "errorlog/fatal-in-library/good/cmd", "errorlog/fatal-in-library/good/cmd/root",
		"errorlog/wrap-verb/bad", "errorlog/wrap-verb/good", "errorlog/wrap-verb/fix",
		"errorlog/discarded/bad", "errorlog/discarded/good", "errorlog/discarded/fix",
		"errorlog/goroutine-dropped/bad", "errorlog/goroutine-dropped/good", "errorlog/goroutine-dropped/good/testhelper",
		"errorlog/scan-err-unchecked/bad", "errorlog/scan-err-unchecked/good",
		"errorlog/overwritten/bad", "errorlog/overwritten/good",
		"errorlog/parse-unchecked/bad", "errorlog/parse-unchecked/good",
		"errorlog/retry-cause-lost/bad", "errorlog/retry-cause-lost/good",
		"errorlog/log-kv-odd/bad", "errorlog/log-kv-odd/good",
		"errorlog/log-not-sent/bad", "errorlog/log-not-sent/bad/cmd", "errorlog/log-not-sent/good", "errorlog/log-not-sent/fix")
}

// TestConfiguredLogFunctions checks that Config.LogFunctions makes an
// opaque API a log call, whichever spelling names the method (the value
// receiver may be written with or without the pointer mark).
func TestConfiguredLogFunctions(t *testing.T) {
	for _, name := range []string{
		"errorlog/config/notify.Pager.Alert",
		"(errorlog/config/notify.Pager).Alert",
		"(*errorlog/config/notify.Pager).Alert",
	} {
		t.Run(name, func(t *testing.T) {
			cfg := errorlog.Config{LogFunctions: []string{name}}
			if err := cfg.Validate(); err != nil {
				t.Fatal(err)
			}
			ruletest.Run(t, errorlog.New(cfg), errorlog.RuleUnlogged, "errorlog/config/use")
		})
	}
}
