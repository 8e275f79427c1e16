// Package good holds loops SA5004 must not report.
package good

// pollBlocking has no default, so the select blocks until a value arrives.
func pollBlocking(ch <-chan int, use func(int)) {
	for {
		select {
		case v := <-ch:
			use(v)
		}
	}
}

// tryOnce uses an empty default outside a loop: a non-blocking receive.
func tryOnce(ch <-chan int) (int, bool) {
	select {
	case v := <-ch:
		return v, true
	default:
	}
	return 0, false
}
