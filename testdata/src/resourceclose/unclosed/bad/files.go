// Package bad holds positive cases for resourceclose/unclosed: each
// reported acquisition carries a want comment matching part of the message.
// Where a message names the exit ("returning at line N"), that line is
// marked with a "leaks here" comment.
package bad

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
)

var errEmpty = errors.New("empty file")

// openReadAll: a file opened and read with io.ReadAll, never closed. No
// shipped linter reports it (ANCHOR-GAPS, "cases no shipped tool reports").
func openReadAll(name string) ([]byte, error) {
	f, err := os.Open(name) // want `file f from os\.Open \(line 20\) is not closed on the path returning at line 24; add defer f\.Close\(\) after the error check`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(f) // leaks here
}

// createNeverClosed: a created file is written and dropped; the data may
// never reach the disk.
func createNeverClosed(name string, data []byte) error {
	f, err := os.Create(name) // want `file f from os\.Create .* returning at line 35`
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return err // leaks here
}

// openFileNeverClosed: os.OpenFile for append, never closed.
func openFileNeverClosed(name, line string) error {
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644) // want `file f from os\.OpenFile`
	if err != nil {
		return err
	}
	_, err = f.WriteString(line + "\n")
	return err
}

// createTempNeverClosed: only the temporary file's name is kept.
func createTempNeverClosed(dir string) (string, error) {
	f, err := os.CreateTemp(dir, "scratch-*") // want `file f from os\.CreateTemp`
	if err != nil {
		return "", err
	}
	return f.Name(), nil
}

// closedOnlyOnSuccess: the close sits at the end, and a write error returns
// before it.
func closedOnlyOnSuccess(name string) error {
	f, err := os.Create(name) // want `file f from os\.Create .* returning at line 65`
	if err != nil {
		return err
	}
	if _, err := f.WriteString("header\n"); err != nil {
		return err // leaks here
	}
	return f.Close()
}

// laterErrorLeaks: the file is closed at the end, but a Stat error returns
// early.
func laterErrorLeaks(name string) (int64, error) {
	f, err := os.Open(name) // want `file f from os\.Open .* returning at line 79`
	if err != nil {
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		return 0, err // leaks here
	}
	f.Close()
	return st.Size(), nil
}

// emptyEarlyReturn: the StatusCode-style early return (the bodyclose gap in
// ANCHOR-GAPS, "closed on the success path but leaked on a StatusCode != 200
// early return") applied to a file: a check on what was read returns before
// the close.
func emptyEarlyReturn(name string) (string, error) {
	f, err := os.Open(name) // want `file f from os\.Open .* returning at line 100`
	if err != nil {
		return "", err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return "", err
	}
	if st.Size() == 0 {
		return "", errEmpty // leaks here
	}
	b, err := io.ReadAll(f)
	f.Close()
	return string(b), err
}

// jsonDecodeNeverClosed: a json.Decoder over the file borrows it.
func jsonDecodeNeverClosed(name string, v any) error {
	f, err := os.Open(name) // want `file f from os\.Open`
	if err != nil {
		return err
	}
	return json.NewDecoder(f).Decode(v)
}

// closedOnlyWhenVerbose: closed in one branch of an if, not the other.
func closedOnlyWhenVerbose(name string, verbose bool) error {
	f, err := os.Open(name) // want `file f from os\.Open .* returning at line 125`
	if err != nil {
		return err
	}
	if verbose {
		return f.Close()
	}
	return nil // leaks here
}

// namedResultLeak: a bare return with a named error result still leaves.
func namedResultLeak(name string) (n int, err error) {
	f, err := os.Open(name) // want `file f from os\.Open`
	if err != nil {
		return
	}
	var buf [16]byte
	n, err = f.Read(buf[:])
	return
}

// overwritten: the first file is replaced by the second without a close;
// only the second is closed.
func overwritten(a, b string) error {
	f, err := os.Open(a) // want `file f from os\.Open \(line 142\) .* returning at line 148`
	if err != nil {
		return err
	}
	f, err = os.Open(b)
	if err != nil {
		return err // leaks here
	}
	return f.Close()
}

// rootNeverClosed: an os.Root holds a directory descriptor.
func rootNeverClosed(dir string) (bool, error) {
	root, err := os.OpenRoot(dir) // want `file root from os\.OpenRoot`
	if err != nil {
		return false, err
	}
	_, err = root.Stat("go.mod")
	return err == nil, nil
}

// pipeBothEnds: neither end of the pipe is closed; each is its own finding.
func pipeBothEnds(msg string) (string, error) {
	r, w, err := os.Pipe() // want `file r from os\.Pipe` `file w from os\.Pipe`
	if err != nil {
		return "", err
	}
	if _, err := w.Write([]byte(msg)); err != nil {
		return "", err
	}
	buf := make([]byte, len(msg))
	_, err = io.ReadFull(r, buf)
	return string(buf), err
}

// helperBorrows: a helper in the same package that only reads does not
// take ownership.
func helperBorrows(name string) (int, error) {
	f, err := os.Open(name) // want `file f from os\.Open`
	if err != nil {
		return 0, err
	}
	return countBytes(f), nil
}

// countBytes reads r to the end and closes nothing.
func countBytes(r io.Reader) int {
	b, _ := io.ReadAll(r)
	return len(b)
}

// wrapperLeaks: openConfig returns os.Open's result, so its caller owns
// the file (a summary says result 0 is a new file) and drops it.
func wrapperLeaks() error {
	f, err := openConfig() // want `file f from openConfig`
	if err != nil {
		return err
	}
	_, err = f.Stat()
	return err
}

// openConfig hands its caller a new file.
func openConfig() (*os.File, error) { return os.Open("/etc/reviewlint.conf") }

// closureLeaks: the acquisition sits in a function literal, which is a
// function of its own.
func closureLeaks(names []string) error {
	check := func(name string) error {
		f, err := os.Open(name) // want `file f from os\.Open`
		if err != nil {
			return err
		}
		_, err = f.Stat()
		return err
	}
	for _, n := range names {
		if err := check(n); err != nil {
			return err
		}
	}
	return nil
}

// switchBranchLeaks: one case of the switch returns without closing.
func switchBranchLeaks(name string, mode int) error {
	f, err := os.Open(name) // want `file f from os\.Open .* returning at line 236`
	if err != nil {
		return err
	}
	switch mode {
	case 0:
		return f.Close()
	case 1:
		return errors.New("mode 1 is read-only") // leaks here
	}
	return f.Close()
}

// selectBranchLeaks: the done branch of the select returns without
// closing.
func selectBranchLeaks(name string, done <-chan struct{}, out chan<- []byte) error {
	f, err := os.Open(name) // want `file f from os\.Open .* returning at line 255`
	if err != nil {
		return err
	}
	b, err := io.ReadAll(f)
	if err != nil {
		f.Close()
		return err
	}
	select {
	case <-done:
		return errors.New("cancelled") // leaks here
	case out <- b:
	}
	return f.Close()
}

// wrongVariableClosed: a copy-paste slip defers in.Close() twice; out is
// never closed.
func wrongVariableClosed(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst) // want `file out from os\.Create`
	if err != nil {
		return err
	}
	defer in.Close()
	_, err = io.ReadAll(in)
	if err != nil {
		return err
	}
	_, err = out.WriteString("done")
	return err
}

// stdinOrFileLeak: the stdin-or-file pattern without the close on the
// file path.
func stdinOrFileLeak(name string) ([]byte, error) {
	f := os.Stdin
	if name != "-" {
		var err error
		f, err = os.Open(name) // want `file f from os\.Open`
		if err != nil {
			return nil, err
		}
	}
	return io.ReadAll(f)
}

// conditionalDefer: the close is deferred only when the caller asked for
// a checksum.
func conditionalDefer(name string, sum bool) ([]byte, error) {
	f, err := os.Open(name) // want `file f from os\.Open .* returning at line 306`
	if err != nil {
		return nil, err
	}
	if sum {
		defer f.Close()
	}
	return io.ReadAll(f) // leaks here
}

// parser reads records from a reader.
type parser struct{ n int }

// parse counts the bytes of r; it neither closes nor keeps r.
func (p *parser) parse(r io.Reader) error {
	b, err := io.ReadAll(r)
	p.n += len(b)
	return err
}

// borrowedByMethod: a method of a same-package type borrows the file.
func borrowedByMethod(p *parser, name string) error {
	f, err := os.Open(name) // want `file f from os\.Open`
	if err != nil {
		return err
	}
	return p.parse(f)
}

// openAny hands its caller a new file as an io.ReadCloser.
func openAny(name string) (io.ReadCloser, error) {
	return os.Open(name)
}

// interfaceWrapperLeak: the caller of a wrapper returning an
// io.ReadCloser drops it.
func interfaceWrapperLeak(name string) (int, error) {
	rc, err := openAny(name) // want `file rc from openAny`
	if err != nil {
		return 0, err
	}
	b, err := io.ReadAll(rc)
	return len(b), err
}

// errorIgnored: the open error is dropped and the file is never closed.
func errorIgnored(name string) int64 {
	f, _ := os.Open(name) // want `file f from os\.Open`
	st, err := f.Stat()
	if err != nil {
		return -1
	}
	return st.Size()
}

// deferAfterRead: the defer comes after a read whose error returns first.
func deferAfterRead(name string) ([]byte, error) {
	f, err := os.Open(name) // want `file f from os\.Open .* returning at line 362`
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err // leaks here
	}
	defer f.Close()
	return data, nil
}

// mustOpen panics on a non-nil error and returns f otherwise.
func mustOpen(f *os.File, err error) *os.File {
	if err != nil {
		panic(err)
	}
	return f
}

// mustHelperLeak: a must-style helper passes the new file through; the
// caller never closes it.
func mustHelperLeak(name string) int64 {
	f := mustOpen(os.Open(name)) // want `file from os\.Open`
	st, _ := f.Stat()
	return st.Size()
}

// pipeCopyWriteEnd: the write end of a pipe filled with io.Copy is never
// closed (and the reader never sees EOF).
func pipeCopyWriteEnd(msg string) (*os.File, error) {
	r, w, err := os.Pipe() // want `file w from os\.Pipe`
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(w, strings.NewReader(msg)); err != nil {
		r.Close()
		return nil, err
	}
	return r, nil
}
