package bad

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"os"
)

type Store interface {
	Get(ctx context.Context, id string) (string, error)
}

// A file that cannot be read is skipped, and the caller gets the others
// as if they were all the files.
func readEvery(paths []string) ([][]byte, error) {
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue // want `the error from os.ReadFile \(line 20\) is dropped: this continue skips the item and the function returns a nil error at line 26`
		}
		out = append(out, b)
	}
	return out, nil
}

// A failed lookup stops the loop, and the partial list is returned as
// the whole one.
func names(ctx context.Context, s Store, ids []string) ([]string, error) {
	var out []string
	for _, id := range ids {
		n, err := s.Get(ctx, id)
		if err != nil {
			break // want `the error from Get \(line 34\) is dropped: this break stops the loop`
		}
		out = append(out, n)
	}
	return out, nil
}

// A counted loop skips the same way.
func fetchEach(c *http.Client, urls []string) (int, error) {
	n := 0
	for i := 0; i < len(urls); i++ {
		resp, err := c.Get(urls[i])
		if err != nil {
			continue // want `error from Client.Get`
		}
		resp.Body.Close()
		n++
	}
	return n, nil
}

// A labelled continue out of an inner loop drops the error as well.
func copyAll(dst io.Writer, groups [][]string) error {
outer:
	for _, g := range groups {
		for _, p := range g {
			f, err := os.Open(p)
			if err != nil {
				continue outer // want `error from os.Open`
			}
			if _, err := io.Copy(dst, f); err != nil {
				f.Close()
				return err
			}
			f.Close()
		}
	}
	return nil
}

// A continue inside a switch still skips the loop's item.
func writeAll(w io.Writer, items [][]byte, kinds []int) error {
	for i, it := range items {
		switch kinds[i] {
		case 1:
			if _, err := w.Write(it); err != nil {
				continue // want `error from Write`
			}
			w.Write([]byte("\n"))
		}
	}
	return nil
}

// A function literal with an error result drops it the same way.
var statAll = func(paths []string) (int64, error) {
	var total int64
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue // want `error from os.Open`
		}
		fi, err := f.Stat()
		f.Close()
		if err == nil {
			total += fi.Size()
		}
	}
	return total, nil
}

// A row that does not scan is skipped by a loop over rows.Next(): the
// loop's condition walks items like a range.
func ids(rows *sql.Rows) ([]int64, error) {
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			continue // want `error from Rows.Scan`
		}
		out = append(out, id)
	}
	return out, nil
}

// Closing the file before skipping it is cleanup, not a record of the
// failure.
func firstBytes(paths []string) ([][]byte, error) {
	var out [][]byte
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue // want `error from os.Open`
		}
		b := make([]byte, 16)
		if _, err := f.Read(b); err != nil {
			f.Close()
			continue // want `error from File.Read`
		}
		f.Close()
		out = append(out, b)
	}
	return out, nil
}
