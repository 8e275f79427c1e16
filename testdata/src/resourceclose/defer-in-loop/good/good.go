package good

import (
	"os"
	"sync"
)

// perIteration: the body is a function, so the defer runs each iteration.
func perIteration(names []string) error {
	for _, name := range names {
		if err := process(name); err != nil {
			return err
		}
	}
	return nil
}

func process(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return nil
}

// closureCalledInLoop: a func literal called in the loop scopes the defer.
func closureCalledInLoop(names []string) {
	for _, name := range names {
		func() {
			f, err := os.Open(name)
			if err != nil {
				return
			}
			defer f.Close()
		}()
	}
}

// acquiredOutside: the resource comes from before the loop; one defer.
func acquiredOutside(name string, n int) error {
	for i := 0; i < n; i++ {
		if i > 0 {
			break
		}
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		return nil
	}
	return nil
}

// lockInLoop: a defer in a loop that releases no acquired resource (a
// mutex) is not this rule's business; syntax-only linters flag it.
func lockInLoop(mu *sync.Mutex, n int) {
	for i := 0; i < n; i++ {
		mu.Lock()
		defer mu.Unlock()
	}
}

// closedInLoop: closed at the end of each iteration, no defer.
func closedInLoop(names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		f.Close()
	}
}
