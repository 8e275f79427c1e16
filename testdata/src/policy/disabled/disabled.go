// Package disabled holds findings of the policy test analyzer whose rule
// the policy switches off; nothing here may be reported.
package disabled

// plain would be reported if the rule were on.
func plain() int {
	return 1
}
