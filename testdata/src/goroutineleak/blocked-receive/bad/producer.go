package bad

import "errors"

func next(i int) (job, error) {
	if i > 9 {
		return 0, errors.New("done")
	}
	return job(i), nil
}

// The producer goroutine stops on an error without closing: the range in
// the spawner waits forever. The shape of the "producer returns early
// without close" bugs in the GoBench set.
func collect() int {
	out := make(chan job)
	go func() { // want `goroutine sends on out \(made at line 16\) and returns at line 21 without closing it`
		for i := 0; ; i++ {
			j, err := next(i)
			if err != nil {
				return
			}
			if i == 5 {
				close(out)
				return
			}
			out <- j
		}
	}()
	n := 0
	for j := range out {
		n += int(j)
	}
	return n
}

// The producer never closes: the range never ends.
func neverClosing(items []job) int {
	out := make(chan job)
	go func() { // want `never closes it`
		for _, it := range items {
			out <- it
		}
	}()
	n := 0
	for range out {
		n++
	}
	return n
}

func produce(out chan<- job, items []job) {
	for _, it := range items {
		if it < 0 {
			return
		}
		out <- it
	}
	close(out)
}

// A named producer: its summary says it may return without closing.
func namedProducer(items []job) int {
	out := make(chan job)
	go produce(out, items) // want `goroutine sends on out .* returns at line 55 without closing it`
	n := 0
	for range out {
		n++
	}
	return n
}
