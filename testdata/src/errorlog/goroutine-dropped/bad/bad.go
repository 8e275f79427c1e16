package bad

import (
	"context"
	"net"
	"os"
	"strconv"
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
			if err := os.Remove(n); err != nil { // want `the error from os.Remove \(line \d+\) ends this goroutine`
				return
			}
		}()
	}
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

// A goroutine literal taking its argument.
func chmod(name string) {
	go func(p string) {
		if err := os.Chmod(p, 0o600); err != nil { // want `the error from os.Chmod`
			return
		}
	}(name)
}

// A result computed in the goroutine is abandoned with its error.
func parse(s string, out chan<- int) {
	go func() {
		n, err := strconv.Atoi(s) // want `the error from strconv.Atoi`
		if err != nil {
			return
		}
		out <- n
	}()
}

// The started function's error is nil on most paths, not all.
type server struct{ enabled bool }

func (s *server) disable(path string) error {
	if !s.enabled {
		return nil
	}
	if err := os.Remove(path); err != nil {
		return err
	}
	return nil
}

func (s *server) onDiskFull(path string) {
	go s.disable(path) // want `the error returned by server.disable is lost`
}

// A captured variable written before the error check says nothing about
// the failure after it.
func counted(name string) int {
	n := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		n++
		if err := os.Chmod(name, 0o600); err != nil { // want `the error from os.Chmod`
			return
		}
	}()
	<-done
	return n
}

// A helper whose errors are not all a removal's is not a removal.
func removeAndLog(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	return os.WriteFile(dir+".log", nil, 0o600)
}

func purgeAndLog(dir string) {
	go removeAndLog(dir) // want `the error returned by bad.removeAndLog is lost`
}

// A loop that also returns a failure of its own is not only cancelled.
func pollOrFail(ctx context.Context, names <-chan string) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case n := <-names:
			if err := process(n); err != nil {
				return err
			}
		}
	}
}

func startPollOrFail(ctx context.Context, names <-chan string) {
	go pollOrFail(ctx, names) // want `the error returned by bad.pollOrFail is lost`
}
