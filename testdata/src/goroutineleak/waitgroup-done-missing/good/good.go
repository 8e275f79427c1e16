// Package good holds goroutines that call Done on every path.
package good

import (
	"log"
	"sync"
)

func step() error { return nil }

// defer wg.Done() covers every return.
func deferred() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := step(); err != nil {
			log.Print(err)
			return
		}
	}()
	wg.Wait()
}

// A deferred closure that calls Done.
func deferredClosure() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer func() {
			wg.Done()
		}()
		if step() != nil {
			return
		}
	}()
	wg.Wait()
}

// Done before the early return too.
func doneOnEveryPath() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if err := step(); err != nil {
			wg.Done()
			return
		}
		wg.Done()
	}()
	wg.Wait()
}

func finish(wg *sync.WaitGroup) { wg.Done() }

// A helper taking the WaitGroup calls Done.
func helper() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if step() != nil {
			finish(&wg)
			return
		}
		wg.Done()
	}()
	wg.Wait()
}

// Done once per item in a loop: Add counted the items, an empty list owes nothing.
func perItem(items []int) {
	var wg sync.WaitGroup
	wg.Add(len(items))
	go func() {
		for range items {
			_ = step()
			wg.Done()
		}
	}()
	wg.Wait()
}

// A goroutine that never calls Done: whoever does is elsewhere.
func noDone(ch chan int) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if step() != nil {
			return
		}
		ch <- 1
	}()
	go func() {
		<-ch
		wg.Done()
	}()
	wg.Wait()
}

// The path without Done ends the program.
func fatal() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if err := step(); err != nil {
			log.Fatal(err)
		}
		wg.Done()
	}()
	wg.Wait()
}

// A goroutine started without any Add in its spawner.
func noAdd(wg *sync.WaitGroup) {
	go func() {
		if step() != nil {
			return
		}
		wg.Done()
	}()
}

// The fixed trickster fan-out: defer first.
func fanOut(fetch []func() error) {
	var wg sync.WaitGroup
	for _, f := range fetch {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := f(); err != nil {
				return
			}
		}()
	}
	wg.Wait()
}

// A goroutine that loops forever: no return to miss Done on.
func forever(ch chan int) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		for v := range ch {
			if v < 0 {
				wg.Done()
			}
		}
		wg.Done()
	}()
	wg.Wait()
}
