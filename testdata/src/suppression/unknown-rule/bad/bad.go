// Package bad holds //reviewlint:ignore directives that name something
// reviewlint does not have, so they suppress nothing.
package bad

// typo misspells the family of the rule it means.
func typo() int {
	// want +1 `names "http/unclosed", which is no reviewlint rule`
	return 1 //reviewlint:ignore http/unclosed closed by the stream owner
}

// renamed names a rule of a family that has no such rule.
func renamed() int {
	// want +1 `names "errorlog/dropped", which is no reviewlint rule`
	//reviewlint:ignore errorlog/dropped the caller logs it
	return 1
}

// oneOfTwo names a real rule and an unknown one: only the unknown one is
// reported.
func oneOfTwo() int {
	// want +1 `names "sa9999", which is no reviewlint rule`
	return 1 //reviewlint:ignore errorlog/swallowed,SA9999 the zero value is the answer
}
