// Package bad holds WaitGroup uses SA2000 reports.
package bad

import "sync"

// addInside calls Add from the goroutine, so Wait can run before Add and
// return while work is still running.
func addInside(n int, work func()) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		go func() {
			wg.Add(1) // want `should call wg.Add\(1\) before starting the goroutine`
			defer wg.Done()
			work()
		}()
	}
	wg.Wait()
}
