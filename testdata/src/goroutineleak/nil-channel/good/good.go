// Package good holds nil channels used on purpose or made on the paths
// that use them.
package good

// A nil channel in a select disables the case: the idiom for merging two
// inputs until both are closed.
func merge(a, b chan int) int {
	sum := 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			sum += v
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			sum += v
		}
	}
	return sum
}

// Made before use.
func made() int {
	var ch chan int
	ch = make(chan int, 1)
	ch <- 1
	return <-ch
}

// Made on the path that uses it.
func conditional(buffered bool) {
	var ch chan int
	if buffered {
		ch = make(chan int, 1)
		ch <- 1
	}
}

type server struct{ quit chan struct{} }

// A field: made by a constructor the analysis does not see.
func (s *server) wait() { <-s.quit }

// A nil channel assigned in a closure before use.
func assignedLater(start func(func())) {
	var ch chan int
	start(func() { ch = make(chan int, 1) })
	ch <- 1
}

// A nil channel in a single-case select is still a select: deliberate.
func blockForever() {
	var never chan struct{}
	select {
	case <-never:
	}
}
