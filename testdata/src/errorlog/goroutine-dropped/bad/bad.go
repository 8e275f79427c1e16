package bad

import (
	"net"
	"os"
	"sync"
)

type worker struct{ dir string }

func (w *worker) process(name string) error { return os.Remove(w.dir + "/" + name) }

func process(name string) error { return os.Remove(name) }

// The error result of the started function is thrown away.
func serve(l net.Listener) {
	go serveConn(l) // want `the error returned by bad.serveConn is lost`
}

func serveConn(l net.Listener) error {
	c, err := l.Accept()
	if err != nil {
		return err
	}
	return c.Close()
}

// A goroutine that returns on an error without a trace.
func start(names []string) {
	for _, n := range names {
		go func() {
			if err := os.Remove(n); err != nil { // want `the error from os.Remove \(line 32\) ends this goroutine`
				return
			}
		}()
	}
}

// The package's own work function's error is dropped in the goroutine.
func fanOut(names []string) {
	var wg sync.WaitGroup
	for _, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			process(n) // want `the error returned by bad.process is dropped inside a goroutine`
		}()
	}
	wg.Wait()
}

// The err == nil form, else branch returning.
func elseForm(name string) {
	go func() {
		b, err := os.ReadFile(name) // want `the error from os.ReadFile`
		if err == nil {
			_ = b
		} else {
			return
		}
	}()
}

// A method value started as a goroutine.
func method(w *worker, name string) {
	go w.process(name) // want `the error returned by worker.process is lost`
}

// A goroutine dropping the error of a package function that returns a value too.
func twoResults(name string) {
	go func() {
		if _, err := os.ReadFile(name); err != nil { // want `the error from os.ReadFile`
			return
		}
	}()
}

// A go statement on a package-level function.
func direct(name string) {
	go process(name) // want `the error returned by bad.process is lost`
}
