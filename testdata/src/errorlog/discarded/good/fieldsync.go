package good

import (
	"bufio"
	"bytes"
	"io"
	"net"
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

// peer buffers its writes over a connection: a Flush dropped on the way
// down loses bytes to a peer that is going away anyway, not a file.
type peer struct {
	conn net.Conn
	bw   *bufio.Writer
}

func newPeer(c net.Conn) *peer { return &peer{conn: c, bw: bufio.NewWriter(c)} }

func (p *peer) close() {
	p.bw.Flush()
	p.conn.Close()
}

// spool's writer starts over a file but is pointed at a buffer in tests
// of its own: what it flushes to is not known to be a file.
type spool struct {
	w *bufio.Writer
}

func (s *spool) open(f *os.File) { s.w = bufio.NewWriter(f) }

func (s *spool) capture(buf *bytes.Buffer) { s.w.Reset(buf) }

func (s *spool) close() { s.w.Flush() }

// record's Flush after a failed write is cleanup: the write's error is
// returned.
type record struct {
	w *bufio.Writer
}

func (r *record) init(f *os.File) { r.w = bufio.NewWriter(f) }

func (r *record) put(b []byte) error {
	if _, err := r.w.Write(b); err != nil {
		r.w.Flush()
		return err
	}
	return r.w.Flush()
}
