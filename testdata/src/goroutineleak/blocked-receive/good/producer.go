package good

// The producer closes before its early return too.
func closesBeforeReturn(items []job) int {
	out := make(chan job)
	go func() {
		for _, it := range items {
			if it < 0 {
				close(out)
				return
			}
			out <- it
		}
		close(out)
	}()
	n := 0
	for range out {
		n++
	}
	return n
}

// The spawner stops after the count it expects, not at the close.
func counted(items []job) int {
	out := make(chan job)
	go func() {
		for _, it := range items {
			out <- it
		}
	}()
	n := 0
	for range out {
		n++
		if n == len(items) {
			break
		}
	}
	return n
}

// The spawner receives a fixed number of values: no range.
func fixedCount() job {
	out := make(chan job)
	go func() {
		out <- 1
		out <- 2
	}()
	return <-out + <-out
}
