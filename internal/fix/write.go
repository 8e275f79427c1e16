package fix

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Write replaces each file with its new content, atomically per file: the
// content goes to a temporary file in the same directory, with the
// original's permission bits, is synced, and is renamed over the original,
// so a reader sees the old file or the new one, never a mix. A file whose
// content is no longer Change.Old (edited since it was read) is left alone
// and reported. Write stops at the first error; the files before it have
// been written.
func Write(changes []Change) error {
	for _, c := range changes {
		if err := writeFile(c); err != nil {
			return fmt.Errorf("writing %s: %w", c.File, err)
		}
	}
	return nil
}

// writeFile writes one change.
func writeFile(c Change) error {
	// Write through a symbolic link, not over it.
	path, err := filepath.EvalSymlinks(c.File)
	if err != nil {
		return err
	}
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	current, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Equal(current, c.Old) {
		return fmt.Errorf("the file changed since it was read; run again")
	}
	return replaceFile(path, c.New, info.Mode().Perm())
}

// replaceFile atomically replaces path with content and permission bits perm.
func replaceFile(path string, content []byte, perm fs.FileMode) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".reviewlint-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(content); err != nil {
		return err
	}
	// CreateTemp makes the file 0600; Chmod is not subject to the umask.
	if err := tmp.Chmod(perm); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable where the system allows it; it is
// best effort because some systems cannot sync a directory.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
