package bad

import "os"

// lockedFile stands for a file wrapper with its own Close.
type lockedFile struct{ *os.File }

// openLocked returns a new lockedFile around a file it opens.
func openLocked(name string) (*lockedFile, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return &lockedFile{f}, nil
}

// openAs returns a new file as its type parameter: the result's type is
// decided at the call site, so the caller owns what it returns.
func openAs[T *os.File | *lockedFile](name string) (T, error) {
	if _, locked := any(T(nil)).(*lockedFile); locked {
		lf, err := openLocked(name)
		if err != nil {
			return nil, err
		}
		return any(lf).(T), nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return any(f).(T), nil
}

// genericConstructorLeak: etcd's wal.Create leaked the locked file from
// createNewWALFile[*fileutil.LockedFile] when a later step failed (the
// corpus finding in storage/wal/wal.go, triaged tp).
func genericConstructorLeak(name string) error {
	f, err := openAs[*lockedFile](name) // want `file f from openAs\[\*lockedFile\] \(line 38\) is not closed`
	if err != nil {
		return err
	}
	if _, err := f.Seek(0, 2); err != nil {
		return err
	}
	return f.Close()
}
