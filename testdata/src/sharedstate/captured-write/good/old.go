//go:build go1.21

package good

// oldLoopVar: before Go 1.22 the loop variable is shared by all
// iterations; that is what the loopclosure vet check reports, not this rule.
func oldLoopVar(xs []int) {
	for i := 0; i < len(xs); i++ {
		go func() {
			use(xs[i])
		}()
	}
	for _, x := range xs {
		go func() {
			use(x)
		}()
	}
}
