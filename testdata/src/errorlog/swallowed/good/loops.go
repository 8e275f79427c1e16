package good

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"net"
	"os"
	"path/filepath"
	"strconv"
)

// Skipping the names that do not parse is how a loop filters its input:
// a pure call's failure is a property of the item, not a failure of the
// operation.
func snapshotIndexes(dir string) ([]int, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []int
	for _, e := range ents {
		n, err := strconv.Atoi(filepath.Ext(e.Name()))
		if err != nil {
			continue
		}
		out = append(out, n)
	}
	return out, nil
}

// A missing file is tested for and skipped on purpose; anything else is
// returned.
func readExisting(paths []string) ([][]byte, error) {
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// The failure is logged before the item is skipped: a best-effort loop.
func readLogged(paths []string) ([][]byte, error) {
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			log.Printf("skip %s: %v", p, err)
			continue
		}
		out = append(out, b)
	}
	return out, nil
}

// The failures are counted, and the count is the report.
func readCounted(paths []string) (int, int, error) {
	ok, failed := 0, 0
	for _, p := range paths {
		if _, err := os.ReadFile(p); err != nil {
			failed++
			continue
		}
		ok++
	}
	return ok, failed, nil
}

// The errors are collected and returned together.
func readJoined(paths []string) ([][]byte, error) {
	var out [][]byte
	var errs []error
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, b)
	}
	return out, errors.Join(errs...)
}

// A flag records that something was skipped.
func readFlagged(paths []string) (partial bool, err error) {
	for _, p := range paths {
		if _, err := os.ReadFile(p); err != nil {
			partial = true
			continue
		}
	}
	return partial, nil
}

// Best-effort cleanup: a removal that fails is skipped, and the loop's
// purpose is the removal itself.
func cleanup(paths []string) (int, error) {
	n := 0
	for _, p := range paths {
		if err := os.Remove(p); err != nil {
			continue
		}
		n++
	}
	return n, nil
}

// The continue is the last statement of the loop: it skips nothing (the
// empty-branch form of the rule speaks for it, and the error is tested).
func touchAll(paths []string) error {
	for _, p := range paths {
		if err := os.Chmod(p, 0o644); err != nil {
			continue
		}
	}
	return nil
}

// The first address that answers wins; when none does, the function
// says so: the skipped errors are candidates, not failures.
func dialAny(addrs []string) (net.Conn, error) {
	for _, a := range addrs {
		c, err := net.Dial("tcp", a)
		if err != nil {
			continue
		}
		return c, nil
	}
	return nil, errors.New("no address answered")
}

// A retry loop keeps the last attempt's error and returns it.
func dialRetry(addr string) (net.Conn, error) {
	var c net.Conn
	var err error
	for i := 0; i < 3; i++ {
		c, err = net.Dial("tcp", addr)
		if err != nil {
			continue
		}
		break
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// A loop without a range or post statement retries the call: the
// error is not skipped, it is tried again.
func waitUp(ctx context.Context, addr string) error {
	for ctx.Err() == nil {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			continue
		}
		return c.Close()
	}
	return nil
}

// A comment in the branch says why the item may be skipped.
func readDocumented(paths []string) ([][]byte, error) {
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			// Files vanish while we scan; the next scan picks them up.
			continue
		}
		out = append(out, b)
	}
	return out, nil
}

// Without an error result the function cannot report the failure; the
// signature says it is best effort.
func readSome(paths []string) [][]byte {
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		out = append(out, b)
	}
	return out
}

var errGone = errors.New("entry gone")

type table struct {
	rows map[int]string
	hits int
}

func (t *table) hit() { t.hits++ }

// lookup returns only a sentinel (through the result slot of a function
// with a defer): its error is an outcome, like fs.ErrNotExist, not a
// cause.
func (t *table) lookup(i int) (string, error) {
	defer t.hit()
	r, ok := t.rows[i]
	if !ok {
		return "", errGone
	}
	return r, nil
}

// Stopping at the first entry that is gone is the loop's answer, as
// testing errors.Is(err, errGone) would be (nats-server's raft applies
// commits up to the first that cannot be loaded; applyCommit logs the
// cause and returns a sentinel).
func (t *table) prefix(n int) ([]string, error) {
	var out []string
	for i := 0; i < n; i++ {
		r, err := t.lookup(i)
		if err != nil {
			break
		}
		out = append(out, r)
	}
	return out, nil
}

type cert struct{ names []string }

func (c *cert) supports(name string) error {
	for _, n := range c.names {
		if n == name {
			return nil
		}
	}
	return fmt.Errorf("%s not supported", name)
}

// A search: the first certificate that fits is returned from inside the
// loop, and none fitting is a valid answer, not a failure
// (crypto/tls's getClientCertificate).
func pick(certs []*cert, name string) (*cert, error) {
	for _, c := range certs {
		if err := c.supports(name); err != nil {
			continue
		}
		return c, nil
	}
	return nil, nil
}
