package bad

import "os"

// Modelled on prometheus's tsdb/wlog (wlog.NewSize): the segment is stored
// in a log built here; when that fails, the log is dropped and nothing
// closes the segment's file.

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

type wlog struct {
	seg  *segment
	size int64
}

func (l *wlog) setSegment(s *segment) error {
	l.seg = s
	st, err := s.Stat()
	if err != nil {
		return err
	}
	l.size = st.Size()
	return nil
}

func newLog(path string) (*wlog, error) {
	l := &wlog{}
	s, err := createSegment(path, 0) // want `file s from createSegment .* returning at line 44`
	if err != nil {
		return nil, err
	}
	if err := l.setSegment(s); err != nil {
		return nil, err
	}
	return l, nil
}
