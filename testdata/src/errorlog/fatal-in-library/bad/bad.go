// Package bad is a library: nothing here may end the program.
package bad

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"log"
	"os"
	"os/signal"
)

// log.Fatal in a library function.
func loadOrDie(name string) []byte {
	b, err := os.ReadFile(name)
	if err != nil {
		log.Fatal(err) // want `log.Fatal in library package bad ends the whole program`
	}
	return b
}

// log.Fatalf with context.
func Open(name string) *os.File {
	f, err := os.Open(name)
	if err != nil {
		log.Fatalf("open %s: %v", name, err) // want `log.Fatalf in library package bad`
	}
	return f
}

// os.Exit from a library.
func Check(ok bool) {
	if !ok {
		os.Exit(1) // want `os.Exit in library package bad`
	}
}

// A *log.Logger's Fatalln.
func Config(l *log.Logger, name string) {
	if _, err := os.Stat(name); err != nil {
		l.Fatalln("no config", err) // want `\(\*log.Logger\).Fatalln in library package bad`
	}
}

// panic with an error a call returned, in a function that could return it.
func Decode(b []byte) (map[string]any, error) {
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		panic(err) // want `panic with the error from json.Unmarshal \(line 49\) in library package bad`
	}
	return m, nil
}

// panic in a method, after an I/O call.
type Store struct{ dir string }

func (s *Store) Names() ([]string, error) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		panic(err) // want `panic with the error from os.ReadDir`
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out, nil
}

// Inside a function literal of a library function.
func Walk(names []string) {
	each := func(n string) {
		if _, err := os.Stat(n); err != nil {
			log.Fatalln(err) // want `log.Fatalln in library package bad`
		}
	}
	for _, n := range names {
		each(n)
	}
}

// A panic with an error that implements error concretely.
func Chdir(dir string) error {
	if err := os.Chdir(dir); err != nil {
		panic(err) // want `panic with the error from os.Chdir`
	}
	return nil
}

// No error result, but the failure is the outside world's (a missing
// file): the caller could have handled it.
func LoadConfig(path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		panic(err) // want `panic with the error from os.ReadFile`
	}
	return b
}

// A receive that is not a signal's: an error from a channel still ends
// the program for whoever imports the package.
func Watch(errs <-chan error) {
	go func() {
		if err := <-errs; err != nil {
			log.Fatal(err) // want `log.Fatal in library package bad`
		}
	}()
}

// die exits on every path: the decision is its library caller's.
func die(msg string) {
	println(msg)
	os.Exit(2)
}

// A library function calling its package's exit helper ends the program.
func Parse(b []byte) map[string]any {
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		die(err.Error()) // want `bad.die \(which exits on every path\) in library package bad`
	}
	return m
}

// A select that also waits for a signal, exiting on its other case: the
// exit answers the error, not the operator.
func WaitOrFail(errs <-chan error) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt)
	select {
	case <-c:
	case err := <-errs:
		log.Fatal(err) // want `log.Fatal in library package bad`
	}
}

// A CSV writer over a file can fail (a full disk): exiting on its error
// still ends the importer's program.
func WriteCSV(f *os.File, row []string) {
	w := csv.NewWriter(f)
	if err := w.Write(row); err != nil {
		log.Fatalf("write: %v", err) // want `log.Fatalf in library package bad`
	}
	w.Flush()
}

// A CSV writer over memory whose delimiter is set can fail on an invalid
// one: the exit is reachable.
func ReportWith(comma rune, row []string) string {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma = comma
	if err := w.Write(row); err != nil {
		log.Fatalf("write: %v", err) // want `log.Fatalf in library package bad`
	}
	w.Flush()
	return buf.String()
}

// A chunk made on the spot but reset onto the caller's bytes before its
// appender is asked for: the appender's error depends on those bytes, and
// the caller could have handled it.
type chunk struct{ b []byte }

func newChunk() *chunk { return &chunk{b: make([]byte, 2)} }

func (c *chunk) reset(b []byte) { c.b = b }

func (c *chunk) appender() (*chunk, error) {
	if len(c.b) < 2 {
		return nil, errors.New("chunk too short")
	}
	return c, nil
}

func Reopen(b []byte) (*chunk, error) {
	c := newChunk()
	c.reset(b)
	app, err := c.appender()
	if err != nil {
		panic(err) // want `panic with the error from chunk.appender`
	}
	return app, nil
}
