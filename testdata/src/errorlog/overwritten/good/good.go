package good

import (
	"bytes"
	"crypto/sha256"
	"os"
	"strconv"
	"strings"
)

// Each error is checked before the variable is reused.
func parsePair(a, b string) (int, int, error) {
	x, err := strconv.Atoi(a)
	if err != nil {
		return 0, 0, err
	}
	y, err := strconv.Atoi(b)
	if err != nil {
		return 0, 0, err
	}
	return x, y, nil
}

// The blank identifier says the drop is meant (another rule's business).
func size(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// The error of the last iteration is returned after the loop: each
// assignment flows into the loop's result.
func removeLast(paths []string) error {
	var err error
	for _, p := range paths {
		err = os.Remove(p)
	}
	return err
}

// Writes that document they never fail.
func render(parts []string) (string, []byte) {
	var buf bytes.Buffer
	var sb strings.Builder
	h := sha256.New()
	for _, p := range parts {
		n, err := buf.WriteString(p)
		_, err = sb.WriteString(p)
		_, err = h.Write([]byte(p))
		_ = n
		_ = err
	}
	return sb.String() + buf.String(), h.Sum(nil)
}

// An error captured by a deferred closure is read there.
func withCleanup(path string) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	_, err = f.WriteString("x")
	return
}

// `_ = err` says the drop is meant, though SSA keeps no use of it.
func probe(path string) {
	f, err := os.Open(path)
	_ = err
	if f != nil {
		f.Close()
	}
}
