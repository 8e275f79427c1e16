package good

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"log"
	"net"
	"os"
	"sync"
)

func process(name string) error { return os.Remove(name) }

// The error is sent on a channel the caller reads.
func send(name string) error {
	errc := make(chan error, 1)
	go func() {
		errc <- process(name)
	}()
	return <-errc
}

// The error is logged in the goroutine.
func logged(name string) {
	go func() {
		if err := process(name); err != nil {
			log.Printf("process %s: %v", name, err)
			return
		}
	}()
}

// The error is stored under a lock for the caller.
type group struct {
	mu  sync.Mutex
	err error
}

func (g *group) run(name string) {
	go func() {
		if err := process(name); err != nil {
			g.mu.Lock()
			g.err = err
			g.mu.Unlock()
			return
		}
	}()
}

// A known, expected error is identified and ignored.
func expected(name string) {
	go func() {
		if err := os.Remove(name); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return
			}
			log.Println(err)
		}
	}()
}

// A go statement on a function without an error result.
func worker(names <-chan string) {
	for n := range names {
		_ = process(n)
	}
}

func start(names <-chan string) {
	go worker(names)
}

// An errgroup-style literal returning error: its error is returned.
type errGroup struct{ wg sync.WaitGroup }

func (g *errGroup) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		_ = f()
	}()
}

func useGroup(g *errGroup, name string) {
	g.Go(func() error {
		return process(name)
	})
}

// A retry loop in the goroutine continues instead of returning.
func retry(names []string) {
	go func() {
		for _, n := range names {
			if err := os.Remove(n); err != nil {
				continue
			}
		}
	}()
}

// A standard library call's dropped result (not the package's own work).
func closeLater(f *os.File) {
	go func() {
		f.Close()
	}()
}

// Dropped on purpose, visibly (modelled on sarama's admin client: the
// broker is opened if needed, a failure shows in the request after).
type broker struct{}

func (b *broker) open() error { return nil }

func openAll(bs []*broker) {
	for _, b := range bs {
		go func() {
			_ = b.open() // ensure the broker is open
		}()
	}
}

// The started loop keeps its own error (modelled on etcd's
// recvKeepAliveLoop, which stores gerr for its callers in a defer).
type lessor struct {
	mu      sync.Mutex
	loopErr error
}

func (l *lessor) loop() (gerr error) {
	defer func() {
		l.mu.Lock()
		l.loopErr = gerr
		l.mu.Unlock()
	}()
	return process("x")
}

func (l *lessor) start() {
	go l.loop()
}

// An accept loop ends when the listener is closed: returning on the
// error is the shutdown path (modelled on grpc's proxyserver).
func acceptLoop(l net.Listener) {
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
}

// A proxy's copies end when either side closes.
func proxy(a, b net.Conn) {
	go io.Copy(a, b)
	go io.Copy(b, a)
}

// A best-effort call of the package's own function (modelled on pgx's
// cancel request).
func bestEffort(name string) {
	go func() {
		process(name)
	}()
}

// Fire-and-forget, explained (modelled on nats' consumer cleanup).
func cleanupLater(name string) {
	// Not waited for: the server deletes inactive consumers anyway.
	go process(name)
}

// A branch that says why it gives up quietly.
func quiet(name string) {
	go func() {
		if err := process(name); err != nil {
			// The caller polls for the file; a failure shows up there.
			return
		}
	}()
}

// Closing in the background: nothing is left to lose (modelled on
// net/http's transport after a failed TLS handshake).
func closeAsync(c net.Conn) {
	go c.Close()
}

// The started function's error result is nil on every path, through a
// second function: nothing is lost (modelled on nats-server's
// ShutdownJetStream, which returns disableJetStream's always-nil error).
type server struct {
	enabled bool
	quit    chan struct{}
}

func (s *server) disable(deleteState bool) error {
	if !s.enabled {
		return nil
	}
	s.enabled = false
	if deleteState {
		select {
		case <-s.quit:
			return nil
		default:
		}
	}
	return nil
}

func (s *server) Shutdown() error { return s.disable(false) }

func (s *server) onDiskFull() {
	go s.Shutdown()
}

// Removing a directory in the background is a release, like go c.Close():
// the caller has moved on, and a leftover is retried at the next start
// (modelled on nats-server's removal of tombstoned stream directories).
func removeLater(dir string) {
	go os.RemoveAll(dir)
}

// The goroutine's outcome is the flag it sets, read after wg.Wait: an
// early return on an error leaves it false, and the caller reports that
// (modelled on vault's raft snapshot check, sys_raft.go).
func verified(name string) bool {
	var wg sync.WaitGroup
	ok := false
	wg.Add(1)
	go func() {
		defer wg.Done()
		b, err := os.ReadFile(name)
		if err != nil {
			return
		}
		ok = len(b) > 0
	}()
	wg.Wait()
	return ok
}

// A removal helper that retries is a removal too: its only errors are
// os.RemoveAll's (modelled on nats-server's removeAllWithRetry of a purged
// stream directory, filestore.go).
func removeWithRetry(dir string) error {
	err := os.RemoveAll(dir)
	for i := 0; err != nil && i < 3; i++ {
		err = os.RemoveAll(dir)
	}
	return err
}

func purgeLater(dir string) {
	go removeWithRetry(dir)
}

// Fire-and-forget, explained above the condition that guards it
// (modelled on nats.go's consumer cleanup, js.go).
func cleanupIf(name string) {
	// Not waited for: the server deletes inactive consumers anyway.
	if name != "" {
		go process(name)
	}
}

// A loop that ends only when its context is cancelled returns nothing
// but ctx.Err(): the spawner cancelled it, no failure is lost (modelled
// on syncthing's stun Service.Serve, lib/stun/stun.go).
func pollUntil(ctx context.Context, names <-chan string) error {
	defer log.Print("poll stopped")
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case n := <-names:
			_ = process(n)
		}
	}
}

func startPoll(ctx context.Context, names <-chan string) {
	go pollUntil(ctx, names)
}
