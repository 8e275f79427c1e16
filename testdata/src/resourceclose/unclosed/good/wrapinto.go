package good

import "os"

// Modelled on prometheus's tsdb/wlog (WL.setSegment): a helper stores the
// new segment in the receiver, which owns it from then on (its Close
// closes it), even on the helper's error path.

type segment struct {
	*os.File
	index int
}

func createSegment(path string, i int) (*segment, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &segment{File: f, index: i}, nil
}

type segLog struct {
	seg  *segment
	size int64
}

func (l *segLog) setSegment(s *segment) error {
	l.seg = s
	st, err := s.Stat()
	if err != nil {
		return err
	}
	l.size = st.Size()
	return nil
}

func (l *segLog) Close() error { return l.seg.Close() }

func (l *segLog) rotate(path string) error {
	s, err := createSegment(path, l.seg.index+1)
	if err != nil {
		return err
	}
	if err := l.setSegment(s); err != nil {
		return err
	}
	return nil
}

// rotateAsync: the receiver is also captured by a closure that closes
// the previous segment later.
func (l *segLog) rotateAsync(path string, done chan<- func()) error {
	s, err := createSegment(path, l.seg.index+1)
	if err != nil {
		return err
	}
	prev := l.seg
	if err := l.setSegment(s); err != nil {
		return err
	}
	done <- func() {
		l.size = 0
		prev.Close()
	}
	return nil
}
