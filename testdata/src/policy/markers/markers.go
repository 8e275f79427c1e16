// Package markers holds a suppressed finding under a policy with markers
// on: the finding is dropped and a "used" marker is reported at the
// directive instead, for the CLI's -check-suppressions.
package markers

// suppressed is silenced by the directive, whose marker is expected here
// (the "want" rides in the directive's reason).
func suppressed() int {
	return 1 //nolint:policytest // want `^used$`
}

// kept has no directive, so it yields a finding and no marker.
func kept() int {
	return 1 // want `return statement`
}
