// Package bad holds //reviewlint:ignore directives that the suppression
// analyzer reports: each lacks the rule ID or the reason.
package bad

// noRule names no rule, so the directive silences nothing and says nothing.
func noRule() int {
	// want +1 `names no rule; write the rule ID and a reason`
	//reviewlint:ignore
	return 1
}

// noReason names a rule at the end of the line but not why it does not
// apply.
func noReason() int {
	// want +1 `//reviewlint:ignore errorlog/discarded gives no reason`
	return 1 //reviewlint:ignore errorlog/discarded
}

// noReasonAbove is noReason with the directive on its own line above the
// code it covers.
func noReasonAbove() int {
	// want +1 `//reviewlint:ignore resourceclose/unclosed gives no reason`
	//reviewlint:ignore resourceclose/unclosed
	return 1
}

// noReasonSeveral names several rules, still without a reason; the message
// names the first.
func noReasonSeveral() int {
	// want +1 `//reviewlint:ignore errorlog,httpbody gives no reason`
	return 1 //reviewlint:ignore errorlog,httpbody
}

// lintIgnoreNoReason is staticcheck's syntax without the reason it
// requires: staticcheck then applies it to nothing, and so does reviewlint.
func lintIgnoreNoReason() int {
	// want +1 `//lint:ignore SA5001 gives no reason, so it suppresses nothing`
	//lint:ignore SA5001
	return 1
}

// lintFileIgnoreNoReason is the file-wide form, equally malformed.
func lintFileIgnoreNoReason() int {
	// want +1 `//lint:file-ignore errorlog/discarded gives no reason`
	//lint:file-ignore errorlog/discarded
	return 1
}
