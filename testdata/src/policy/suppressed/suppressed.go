// Package suppressed holds findings of the policy test analyzer that a
// directive suppresses; nothing here may be reported.
package suppressed

// bareNolint silences every linter on its line.
func bareNolint() int {
	return 1 //nolint
}

// nolintAll is golangci-lint's explicit "all".
func nolintAll() int {
	return 1 //nolint:all
}

// nolintReviewlint names this tool as a whole.
func nolintReviewlint() int {
	return 1 //nolint:reviewlint
}

// nolintAnalyzer names the analyzer.
func nolintAnalyzer() int {
	return 1 //nolint:policytest
}

// nolintFamily names the family Wrap was given for the analyzer.
func nolintFamily() int {
	return 1 //nolint:policyfamily
}

// nolintRule names the rule ID.
func nolintRule() int {
	return 1 //nolint:policytest/return
}

// nolintRuleMixedCase names the rule ID in other case: IDs match
// case-insensitively.
func nolintRuleMixedCase() int {
	return 1 //nolint:PolicyTest/Return
}

// nolintAmongOthers names the rule among other linters, with a reason.
func nolintAmongOthers() int {
	return 1 //nolint:errcheck,policytest/return // the constant cannot fail
}

// nolintAbove is a standalone //nolint covering the line below.
func nolintAbove() int {
	//nolint:policytest/return // the constant cannot fail
	return 1
}

// ignoreRule is reviewlint's own directive, with a reason, on the line.
func ignoreRule() int {
	return 1 //reviewlint:ignore policytest/return the constant cannot fail
}

// ignoreRuleAbove is reviewlint's own directive on the line above.
func ignoreRuleAbove() int {
	//reviewlint:ignore policytest/return the constant cannot fail
	return 1
}
