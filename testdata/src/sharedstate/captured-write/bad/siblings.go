package bad

import "sync"

func fetch(int) error { return nil }

// countInGoroutines: every goroutine of the loop increments the same
// counter; the Wait orders them before the spawner's read, not against
// each other, so increments are lost (go test -race reports it).
func countInGoroutines(n int) int {
	hits := 0
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hits++ // want `hits is written by every goroutine started at line 15 in this loop`
		}()
	}
	wg.Wait()
	return hits
}

// lastErrorWins: the goroutines of a fan-out all store into one error
// variable, a race that can also tear the interface value. Modelled on
// dropbox/godropbox#29 and openshift/compliance-operator#399 (one err
// shared by the goroutines of a loop; fixed by giving each its own).
func lastErrorWins(ids []int) error {
	var err error
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if e := fetch(id); e != nil {
				err = e // want `err is written by every goroutine started at line 33 in this loop`
			}
		}()
	}
	wg.Wait()
	return err
}

type stats struct {
	hits   int
	failed bool
}

// fieldInGoroutines: the goroutines of a loop all increment a field of the
// one struct the method's receiver points to.
func (s *stats) fieldInGoroutines(ids []int) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if fetch(id) != nil {
				s.failed = true // want `s.failed is written by every goroutine started at line 55 in this loop`
			}
			s.hits++ // want `s.hits is written by every goroutine started at line 55 in this loop`
		}()
	}
	wg.Wait()
}

// waitGroupGo: sync.WaitGroup.Go (Go 1.25) starts the goroutines; they all
// append to one slice, losing results or corrupting it. The race the Go
// team explains in golang/go#65045 with errgroup.Group.Go.
func waitGroupGo(ids []int) []error {
	var errs []error
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			errs = append(errs, fetch(id)) // want `errs is written by every goroutine started at line 73 in this loop`
		})
	}
	wg.Wait()
	return errs
}
