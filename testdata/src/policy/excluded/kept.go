// Package excluded holds findings in a file the policy excludes by path
// (excluded.go) next to one it keeps (this file).
package excluded

// plain is in a file no exclude pattern matches.
func plain() int {
	return 1 // want `return statement`
}
