// Package fsyncutil is a project's own fsync helper in another package
// (modelled on etcd's client/pkg/fileutil.Fsync): facts say that Fsync
// and SyncNamed sync their file parameter and return the error.
package fsyncutil

import "os"

// Fsync syncs f and returns the error.
func Fsync(f *os.File) error {
	return f.Sync()
}

// SyncNamed syncs f and returns the sync error; a helper of
// the same shape as Fsync whose file is its second parameter.
func SyncNamed(name string, f *os.File) error {
	if err := Fsync(f); err != nil {
		return err
	}
	return nil
}
