package good

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

// Err checked after the loop.
func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}

// Err checked in an if after the loop, with an early return inside it.
func firstMatch(r io.Reader, prefix string) (string, error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), prefix) {
			return sc.Text(), nil
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return "", fmt.Errorf("no line starts with %q", prefix)
}

// In-memory text: strings.Reader, bytes.Reader and bytes.Buffer reads
// cannot fail.
func words(s string) int {
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Split(bufio.ScanWords)
	n := 0
	for sc.Scan() {
		n++
	}
	return n
}

func linesOf(b []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

func bufferLines(buf *bytes.Buffer) (n int) {
	sc := bufio.NewScanner(buf)
	for sc.Scan() {
		n++
	}
	return n
}

// The scanner is returned: its owner checks Err.
func newLineScanner(r io.Reader) *bufio.Scanner {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	return sc
}

// The scanner is handed to a helper, which checks Err.
func drain(r io.Reader) error {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
	}
	return finish(sc)
}

func finish(sc *bufio.Scanner) error { return sc.Err() }

// A deferred closure checks Err for every return.
func scanAll(r io.Reader, each func(string)) (err error) {
	sc := bufio.NewScanner(r)
	defer func() {
		if err == nil {
			err = sc.Err()
		}
	}()
	for sc.Scan() {
		each(sc.Text())
	}
	return nil
}

// A scanner kept in a struct is checked by the type's other methods.
type tailer struct{ sc *bufio.Scanner }

func (t *tailer) open(r io.Reader) {
	t.sc = bufio.NewScanner(r)
	for t.sc.Scan() {
		if t.sc.Text() == "" {
			break
		}
	}
}

func (t *tailer) err() error { return t.sc.Err() }
