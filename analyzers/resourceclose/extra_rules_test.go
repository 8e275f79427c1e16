package resourceclose_test

import (
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/internal/ruletest"
	"github.com/reviewlint/reviewlint/analyzers/resourceclose"
)

func TestCmdNotWaited(t *testing.T) {
	ruletest.Run(t, resourceclose.Analyzer, resourceclose.RuleCmdNotWaited,
		"resourceclose/cmd-not-waited/bad", "resourceclose/cmd-not-waited/good")
}

func TestDeferInLoop(t *testing.T) {
	ruletest.Run(t, resourceclose.Analyzer, resourceclose.RuleDeferInLoop,
		"resourceclose/defer-in-loop/bad", "resourceclose/defer-in-loop/good")
	ruletest.RunWithSuggestedFixes(t, resourceclose.Analyzer, resourceclose.RuleDeferInLoop, "resourceclose/defer-in-loop/fix")
}

func TestRowsErrUnchecked(t *testing.T) {
	ruletest.Run(t, resourceclose.Analyzer, resourceclose.RuleRowsErr,
		"resourceclose/rows-err-unchecked/bad", "resourceclose/rows-err-unchecked/good")
}
