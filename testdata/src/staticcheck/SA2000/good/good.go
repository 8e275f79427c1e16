// Package good holds WaitGroup uses SA2000 must not report.
package good

import "sync"

// addBefore counts the goroutine before starting it, so Wait always sees it.
func addBefore(n int, work func()) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}
	wg.Wait()
}

// addForChild calls Add inside a goroutine for a grandchild it starts
// later; the goroutine itself was counted by its parent before it started.
func addForChild(work func()) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		wg.Add(1)
		go func() {
			defer wg.Done()
			work()
		}()
	}()
	wg.Wait()
}
