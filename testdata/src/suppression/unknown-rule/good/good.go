// Package good holds //reviewlint:ignore directives whose every selector
// names something of reviewlint's: a rule, a family, a bundled check,
// "staticcheck" or "all". Directives of other linters are not ours to judge.
package good

func rule() int {
	return 1 //reviewlint:ignore errorlog/swallowed the zero value is the answer
}

func family() int {
	return 1 //reviewlint:ignore httpbody the stream owner closes it
}

func bundled() int {
	return 1 //reviewlint:ignore SA5001 closed twice on purpose
}

func everything() int {
	return 1 //reviewlint:ignore all generated shim, reviewed by hand
}

func staticcheckChecks() int {
	return 1 //reviewlint:ignore staticcheck vendored from upstream
}

// otherLinters: a //nolint naming another linter, and staticcheck's own
// syntax naming its own checks, are not reviewlint's directives.
func otherLinters() int {
	x := 1 //nolint:gosec // constant
	//lint:ignore ST1003 upstream name
	return x
}
