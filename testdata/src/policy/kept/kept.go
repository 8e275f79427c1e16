// Package kept holds findings of the policy test analyzer (which reports
// every return statement as policytest/return) that the policy keeps.
package kept

// plain has no directive.
func plain() int {
	return 1 // want `return statement`
}

// otherLinter names only another linter, which leaves ours alone.
func otherLinter() int {
	// want +1 `return statement`
	return 1 //nolint:otherlinter
}

// otherRule names a sibling rule of the same analyzer.
func otherRule() int {
	// want +1 `return statement`
	return 1 //reviewlint:ignore policytest/other it is not this rule
}

// ignoreWithoutRule names no rule, so it silences nothing (the suppression
// analyzer reports it).
func ignoreWithoutRule() int {
	// want +1 `return statement`
	return 1 //reviewlint:ignore
}

// twoLinesAbove has a standalone directive two lines up: it covers only
// its own line and the next.
func twoLinesAbove() int {
	//nolint:policytest
	x := 1
	return x // want `return statement`
}

// trailingAbove has the directive after code on the line above: a
// trailing directive covers only its own line.
func trailingAbove() int {
	x := 1   //nolint:policytest
	return x // want `return statement`
}

// blockComment is not a directive: directives are line comments only.
func blockComment() int {
	return 1 /* nolint */ // want `return statement`
}
