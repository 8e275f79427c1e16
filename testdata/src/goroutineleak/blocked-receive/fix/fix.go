// Package fix holds a consumer whose producer gets a deferred close.
package fix

type job int

func handle(job) {}

// The early return leaves the consumer waiting; the fix closes on return.
func feed(items []job, bad func(job) bool) {
	jobs := make(chan job)
	go func() { // want `goroutine receives from jobs`
		for j := range jobs {
			handle(j)
		}
	}()
	for _, it := range items {
		if bad(it) {
			return
		}
		jobs <- it
	}
}
