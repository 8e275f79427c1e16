package good

import (
	"io"
	"os"
)

// index keeps a file it only reads in a field: its Sync and Close lose no
// data, and a field of the same name in a type whose file is written
// (segment.fd below) is another field.
type index struct {
	fd *os.File
}

func (ix *index) open(path string) error {
	fd, err := os.Open(path)
	if err != nil {
		return err
	}
	ix.fd = fd
	return nil
}

func (ix *index) lookup(off int64) ([]byte, error) {
	buf := make([]byte, 16)
	_, err := ix.fd.ReadAt(buf, off)
	return buf, err
}

func (ix *index) dump(w io.Writer) error {
	_, err := io.Copy(w, ix.fd) // read from: the file is the source
	return err
}

func (ix *index) close() {
	ix.fd.Sync()
	ix.fd.Close()
}

// segment writes its field's file; its drops below are cleanup after an
// earlier failure, or explained.
type segment struct {
	fd *os.File
}

// A Sync on the way out of a failed write: the write's error is the one
// returned.
func (s *segment) append(rec []byte) error {
	if _, err := s.fd.Write(rec); err != nil {
		s.fd.Sync()
		return err
	}
	return s.fd.Sync()
}

// A documented best-effort Sync.
func (s *segment) hint() {
	_ = s.fd.Sync() // best effort: append syncs before it acknowledges
}

// The same decision explained on the line above, for a file opened here.
func scratchCopy(path string, b []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	// Best effort: the copy is rebuilt on the next start if it is short.
	_ = f.Sync()
	return f.Close()
}

// A deferred Sync as a safety net next to the checked one.
func (s *segment) commit(rec []byte) error {
	defer s.fd.Sync()
	if _, err := s.fd.Write(rec); err != nil {
		return err
	}
	return s.fd.Sync()
}
