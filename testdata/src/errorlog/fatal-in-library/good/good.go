// Package good is a library that leaves ending the program to main.
package good

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"log"
	"os"
	"os/signal"
	"regexp"
	"sync"
)

// Must... functions panic by contract, like regexp.MustCompile.
func MustLoad(name string) []byte {
	b, err := os.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return b
}

// Unexported must helpers too.
func mustParse(s string) *regexp.Regexp {
	re, err := regexp.Compile(s)
	if err != nil {
		panic(err)
	}
	return re
}

// init runs before main and has no caller to return an error to.
func init() {
	if _, err := os.Getwd(); err != nil {
		log.Fatal(err)
	}
}

// Package variable initialisers run in the package's init as well.
var home = func() string {
	h, err := os.UserHomeDir()
	if err != nil {
		panic(err)
	}
	return h
}()

// A panic asserting an invariant with a new error is not a converted failure.
func index(i, n int) int {
	if i >= n {
		panic(errors.New("index out of range"))
	}
	return i
}

// panic with a formatted message string, not an error from a call.
func state(s int) string {
	switch s {
	case 0:
		return "idle"
	}
	panic(fmt.Sprintf("unknown state %d", s))
}

// The error is returned; only the message is logged.
func Load(name string) ([]byte, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		log.Printf("load %s: %v", name, err)
		return nil, err
	}
	return b, nil
}

// A goroutine starter named like exit is not os.Exit.
func Exit(code int) int { return code }

// Re-panicking a recovered value is not converting an error.
func safe(f func()) {
	defer func() {
		if r := recover(); r != nil {
			panic(r)
		}
	}()
	f()
}

var _ = home

// A method whose signature an interface fixes (sync.Locker) has no error
// to return (modelled on etcd's lockerMutex).
type locker struct{ path string }

var _ sync.Locker = locker{}

func (l locker) Lock() {
	if err := os.WriteFile(l.path, nil, 0o600); err != nil {
		panic(err)
	}
}

func (l locker) Unlock() {
	if err := os.Remove(l.path); err != nil {
		panic(err)
	}
}

// A logger's Fatal function exits by contract (modelled on grpclog).
func Fatalf(format string, args ...any) {
	log.Printf(format, args...)
	os.Exit(1)
}

// A panic on invalid configuration is a documented contract (modelled on
// kafka.NewReader and prometheus' WithLabelValues).
type Options struct{ Size int }

func (o Options) validate() error {
	if o.Size <= 0 {
		return errors.New("size must be positive")
	}
	return nil
}

func NewReader(o Options) *Options {
	if err := o.validate(); err != nil {
		panic(err)
	}
	return &o
}

// A successful exit after printing what was asked for handles no error:
// nothing failed (modelled on nats-server's --help_tls and -signal flags,
// which print and os.Exit(0)).
func PrintTLSHelp() {
	fmt.Println("tls options: ...")
	os.Exit(0)
}

// Exiting once a signal the code subscribed to arrives is the answer to
// the operator's Ctrl-C, not a failure turned into an exit: no error is
// dropped (modelled on caddy's hash-password, which restores the terminal
// on SIGINT and exits, caddyauth/command.go).
func ReadSecret() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	go func() {
		<-c
		fmt.Fprintln(os.Stderr, "interrupted")
		os.Exit(1)
	}()
	defer signal.Stop(c)
}

// The same, with the signal received in a select.
func WaitInterrupt(done <-chan struct{}) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	select {
	case <-c:
		os.Exit(130)
	case <-done:
	}
}

// A panic on the error of a computation whose inputs are fixed asserts an
// invariant: it fails on every run or on none, so no caller could handle
// it (modelled on prometheus' chunkenc, which panics if a fresh empty
// chunk's Appender fails, tsdb/chunkenc/histogram.go).
type chunk struct{ b []byte }

func newChunk() *chunk { return &chunk{b: make([]byte, 2)} }

func (c *chunk) appender() (*chunk, error) {
	if len(c.b) < 2 {
		return nil, errors.New("chunk too short")
	}
	return c, nil
}

func Recode() (*chunk, error) {
	app, err := newChunk().appender()
	if err != nil {
		panic(err)
	}
	return app, nil
}

// A function that exits on every path is an exit helper like log.Fatal:
// calling it is its caller's decision (modelled on nats-server's
// PrintAndDie, which its main calls, server/server.go).
func PrintAndDie(msg string) {
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(1)
}

// The same invariant when the chunk's appender replays the chunk through
// a chain of helpers deeper than the summaries' rounds (modelled on
// prometheus' chunkenc: HistogramChunk.Appender iterates the chunk
// through iterator, Next and the bit reader before it can fail,
// tsdb/chunkenc/float_histogram.go:749).
type histChunk struct{ b []byte }

func newHistChunk() *histChunk { return &histChunk{b: make([]byte, 3, 128)} }

func (c *histChunk) Appender() (*histAppender, error) {
	it := c.iterator()
	for it.next() {
	}
	if it.err != nil {
		return nil, it.err
	}
	return &histAppender{c: c, n: it.n}, nil
}

type histAppender struct {
	c *histChunk
	n int
}

type histIterator struct {
	r   bitReader
	n   int
	err error
}

func (c *histChunk) iterator() *histIterator { return newHistIterator(c.b) }

func newHistIterator(b []byte) *histIterator { return &histIterator{r: newBitReader(b[2:])} }

func (it *histIterator) next() bool {
	v, err := it.r.readValue()
	if err != nil {
		it.err = err
		return false
	}
	it.n += int(v)
	return true
}

type bitReader struct {
	b   []byte
	off int
}

func newBitReader(b []byte) bitReader { return bitReader{b: b} }

func (r *bitReader) readValue() (uint64, error) {
	hi, err := r.readByte()
	if err != nil {
		return 0, err
	}
	lo, err := r.readByte()
	return uint64(hi)<<8 | uint64(lo), err
}

func (r *bitReader) readByte() (byte, error) {
	if !r.avail() {
		return 0, errors.New("end of chunk")
	}
	r.off++
	return r.b[r.off-1], nil
}

func (r *bitReader) avail() bool { return r.off < len(r.b) }

func AppendOrCut(full bool, a *histAppender) (*histChunk, *histAppender, error) {
	if !full {
		return nil, a, nil
	}
	c := newHistChunk()
	app, err := c.Appender()
	if err != nil {
		panic(err) // This should never happen for an empty chunk.
	}
	return c, app, nil
}

// A CSV writer over a local bytes.Buffer, with its default delimiter,
// cannot fail: the exit on its error is unreachable (modelled on nats.go's
// Benchmark.CSV, bench/bench.go:125).
func Report(rows [][]string) string {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.Write([]string{"id", "count"}); err != nil {
		log.Fatalf("serializing headers: %v", err)
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			log.Fatalf("serializing %v: %v", r, err)
		}
	}
	w.Flush()
	return buf.String()
}

// A constructor with a constant precision cannot fail: the panic on its
// error is unreachable (modelled on influxdb's hll.NewDefaultPlus,
// pkg/estimator/hll/hll.go:119; a constant argument has no referrers, which
// once crashed the analyzer).
func NewDefaultSketch() *sketch {
	s, err := newSketch(14)
	if err != nil {
		panic(err)
	}
	return s
}

type sketch struct{ p uint8 }

func newSketch(p uint8) (*sketch, error) {
	if p < 4 || p > 18 {
		return nil, errors.New("precision must be between 4 and 18")
	}
	return &sketch{p: p}, nil
}
