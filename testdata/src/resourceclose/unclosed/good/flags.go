package good

import "os"

type block struct {
	name string
	fd   *os.File
}

// closedUnderOpenedFlag: the file is opened only when the block has none,
// and a flag set next to the open says so; every exit after the open
// tests the flag and closes (modelled on nats-server's
// filestore.go msgBlock.syncFile).
func (b *block) closedUnderOpenedFlag() error {
	fd, opened := b.fd, false
	if fd == nil {
		var err error
		fd, err = os.OpenFile(b.name, os.O_RDWR, 0)
		if err != nil {
			if os.IsNotExist(err) {
				return nil
			}
			return err
		}
		opened = true
	}
	if err := fd.Sync(); err != nil {
		if opened {
			_ = fd.Close()
		}
		return err
	}
	if opened {
		return fd.Close()
	}
	return nil
}

// closedUnlessReused: the negated flag ("reused") guards the close.
func (b *block) closedUnlessReused() error {
	fd, reused := b.fd, true
	if fd == nil {
		var err error
		if fd, err = os.Open(b.name); err != nil {
			return err
		}
		reused = false
	}
	_, err := fd.Stat()
	if !reused {
		fd.Close()
	}
	return err
}

// deferredUnderCapturedError: inside a closure, the error is the
// enclosing function's variable, and the defer is registered only when it
// is nil; the file is the block's own one or the opened one (modelled on
// nats-server's filestore.go rebuildStateLocked truncate).
func (b *block) deferredUnderCapturedError(index int64) (err error) {
	truncate := func() error {
		var fd *os.File
		if b.fd != nil {
			fd = b.fd
		} else {
			fd, err = os.OpenFile(b.name, os.O_RDWR, 0)
			if err == nil {
				defer fd.Close()
			}
		}
		if fd == nil {
			return nil
		}
		return fd.Truncate(index)
	}
	return truncate()
}
