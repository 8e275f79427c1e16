package good

// threeClause: with per-iteration loop variables (Go 1.22) each goroutine
// reads its own i; the post statement writes the next iteration's copy.
func threeClause(n int) {
	for i := 0; i < n; i++ {
		go func() {
			use(i)
		}()
	}
}
