// Package good holds directives the suppression analyzer must not report.
package good

// withReason names the rule and says why it does not apply.
func withReason() int {
	return 1 //reviewlint:ignore errorlog/discarded the caller logs this error
}

// withReasonAbove is withReason on its own line above the code.
func withReasonAbove() int {
	//reviewlint:ignore errorlog the error is always nil for a bytes.Buffer
	return 1
}

// nolintWithoutReason is golangci-lint's syntax; checking its reasons is
// nolintlint's job, so missing-reason covers only reviewlint's directive.
func nolintWithoutReason() int {
	return 1 //nolint:errorlog
}

// proseNotDirective starts like the directive but is another word, so it
// is an ordinary comment.
func proseNotDirective() int {
	//reviewlint:ignored findings are listed in the baseline
	return 1
}

// blockComment is not a directive: directives are line comments only.
func blockComment() int {
	/* reviewlint:ignore */
	return 1
}

// suppressedByNolint is a bare directive silenced by a //nolint naming the
// rule on the line above: the policy wrapper applies to this analyzer too.
func suppressedByNolint() int {
	//nolint:suppression/missing-reason // a generator writes these; tracked in its issue tracker
	//reviewlint:ignore
	return 1
}

// lintIgnoreWithReason is staticcheck's syntax with its reason.
func lintIgnoreWithReason() int {
	//lint:ignore SA5001,errorlog/discarded the value is read by the deferred closure
	return 1
}

// lintIgnoreOtherChecks names only checks reviewlint does not bundle
// (staticcheck's unused and stylecheck): whether they are well formed is
// staticcheck's business.
func lintIgnoreOtherChecks() int {
	//lint:ignore U1000
	return 1
}

// lintOtherCommand is a //lint: directive that suppresses nothing.
func lintOtherCommand() int {
	//lint:sometool options
	return 1
}
