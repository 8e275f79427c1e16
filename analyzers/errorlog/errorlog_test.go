package errorlog_test

import (
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/errorlog"
	"github.com/reviewlint/reviewlint/analyzers/internal/ruletest"
)

func TestSwallowed(t *testing.T) {
	ruletest.Run(t, errorlog.Analyzer, errorlog.RuleSwallowed, "errorlog/swallowed/bad", "errorlog/swallowed/good")
	ruletest.RunWithSuggestedFixes(t, errorlog.Analyzer, errorlog.RuleSwallowed, "errorlog/swallowed/fix")
}

func TestUnlogged(t *testing.T) {
	ruletest.Run(t, errorlog.Analyzer, errorlog.RuleUnlogged, "errorlog/unlogged/bad", "errorlog/unlogged/good")
}

func TestLogAndReturn(t *testing.T) {
	ruletest.Run(t, errorlog.Analyzer, errorlog.RuleLogAndReturn, "errorlog/log-and-return/bad", "errorlog/log-and-return/good")
}

func TestFatalInLibrary(t *testing.T) {
	ruletest.Run(t, errorlog.Analyzer, errorlog.RuleFatalInLibrary, "errorlog/fatal-in-library/bad", "errorlog/fatal-in-library/good", "errorlog/fatal-in-library/good/cmd", "errorlog/fatal-in-library/good/cmd/root")
}

func TestWrapVerb(t *testing.T) {
	ruletest.Run(t, errorlog.Analyzer, errorlog.RuleWrapVerb, "errorlog/wrap-verb/bad", "errorlog/wrap-verb/good")
	ruletest.RunWithSuggestedFixes(t, errorlog.Analyzer, errorlog.RuleWrapVerb, "errorlog/wrap-verb/fix")
}

func TestDiscarded(t *testing.T) {
	ruletest.Run(t, errorlog.Analyzer, errorlog.RuleDiscarded, "errorlog/discarded/bad", "errorlog/discarded/good")
	ruletest.RunWithSuggestedFixes(t, errorlog.Analyzer, errorlog.RuleDiscarded, "errorlog/discarded/fix")
}

// TestConfiguredLogFunctions checks that Config.LogFunctions makes an
// opaque API a log call.
func TestConfiguredLogFunctions(t *testing.T) {
	a := errorlog.New(errorlog.Config{LogFunctions: []string{"errorlog/config/notify.Pager.Alert"}})
	ruletest.Run(t, a, errorlog.RuleUnlogged, "errorlog/config/use")
}

func TestGoroutineDropped(t *testing.T) {
	ruletest.Run(t, errorlog.Analyzer, errorlog.RuleGoroutineDropped, "errorlog/goroutine-dropped/bad", "errorlog/goroutine-dropped/good")
}
