package bad

import (
	"bufio"
	"fmt"
	"os"
)

// segment keeps its file in a field: opened in open, written in append,
// synced in close. The caller of close asked for the block to be made
// durable, and a failed Sync vanishes: modelled on nats-server's
// msgBlock.close (server/filestore.go), which syncs the block file it
// writes with WriteAt elsewhere as a bare statement.
type segment struct {
	name string
	fd   *os.File
}

func (s *segment) open() error {
	fd, err := os.OpenFile(s.name, os.O_CREATE|os.O_RDWR, 0o640)
	if err != nil {
		return err
	}
	s.fd = fd
	return nil
}

func (s *segment) append(rec []byte, off int64) error {
	_, err := s.fd.WriteAt(rec, off)
	return err
}

func (s *segment) close(durable bool) {
	if s.fd == nil {
		return
	}
	if durable {
		s.fd.Sync() // want `the error of Sync of segment.fd \(a file this package writes\) is dropped`
	}
	s.fd.Close()
	s.fd = nil
}

// journal writes its file through a bufio.Writer made in another method,
// and syncs it in a defer through a local copy of the field.
type journal struct {
	f  *os.File
	bw *bufio.Writer
}

func (j *journal) start() {
	j.bw = bufio.NewWriter(j.f)
}

func (j *journal) checkpoint() error {
	f := j.f
	defer f.Sync() // want `Sync of journal.f \(a file`
	return j.bw.Flush()
}

// ledger writes its file through a helper of the package that takes the
// file as a parameter.
type ledger struct {
	out *os.File
}

func writeHeader(f *os.File, version int) error {
	_, err := fmt.Fprintf(f, "v%d\n", version)
	return err
}

func (l *ledger) reset(version int) error {
	if err := l.out.Truncate(0); err != nil {
		return err
	}
	return writeHeader(l.out, version)
}

func (l *ledger) flush() {
	l.out.Sync() // want `Sync of ledger.out \(a file`
}

// walFile buffers its appends in a bufio.Writer over its file, kept in a
// field: Close drops the last Flush and returns nil, so the buffered
// entries are lost behind a successful Close (modelled on influxdb's
// tsi1 LogFile.Close, tsdb/index/tsi1/log_file.go).
type walFile struct {
	file *os.File
	w    *bufio.Writer
}

func (l *walFile) open(path string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR|os.O_APPEND, 0o666)
	if err != nil {
		return err
	}
	l.file = f
	l.w = bufio.NewWriterSize(l.file, 4096)
	return nil
}

func (l *walFile) append(e []byte) error {
	if _, err := l.w.Write(e); err != nil {
		l.w.Reset(l.file)
		return err
	}
	return nil
}

func (l *walFile) Close() error {
	if l.w != nil {
		l.w.Flush() // want `the error of Flush of walFile.w \(a buffered writer over a file\) is dropped`
		l.w = nil
	}
	return l.file.Close()
}

// A blank assignment under a defect note: FIXME says the Sync's error is
// not handled yet, not why it does not matter (the good side is
// good/fieldsync.go's hint, whose comment says why).
func (s *segment) flushFIXME() {
	// FIXME: check the error
	_ = s.fd.Sync() // want `the error of Sync of segment.fd \(a file this package writes\) is dropped`
}
