package good

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"

	"errorlog/facts/flat"
)

// Wrapped with %w.
func open(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("open %s: %w", name, err)
	}
	return f.Close()
}

// The cause is hidden on purpose, visibly: only its text is kept.
func hide(name string) error {
	if err := os.Remove(name); err != nil {
		return fmt.Errorf("remove failed: %s", err.Error())
	}
	return nil
}

// The format already wraps one error; a second one formatted with %v is
// a deliberate choice of which cause is visible.
func two(name string, prev error) error {
	if err := os.Remove(name); err != nil {
		return fmt.Errorf("remove %s: %w (earlier: %v)", name, err, prev)
	}
	return nil
}

// A non-error operand with %v.
func value(n int) error {
	return fmt.Errorf("bad value %v", n)
}

// %+v asks for a detailed rendering (stack traces of pkg/errors): %w
// would print differently.
func detailed(err error) error {
	return fmt.Errorf("failed: %+v", err)
}

// A non-constant format cannot be checked.
func dynamic(format string, err error) error {
	return fmt.Errorf(format, err)
}

// Explicit argument indexes are left alone.
func indexed(err error) error {
	return fmt.Errorf("%[1]v", err)
}

// errors.Join keeps both causes.
func join(a, b error) error {
	return errors.Join(a, b)
}

// A nil error literal with %v is not a cause.
func nilErr() error {
	return fmt.Errorf("x: %v", nil)
}

// Printf-style but not Errorf.
func sprint(err error) string {
	return fmt.Sprintf("failed: %v", err)
}

// An operator-facing message that nothing inspects: the %v loses nothing
// anyone looks for (modelled on caddy's Provision and nats-server's
// config errors, which are only printed).
func provision(path string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("loading module config %s: %v", path, err)
	}
	return nil
}

func start(path string) {
	if err := provision(path); err != nil {
		fmt.Println("startup:", err)
	}
}

// The error inspected comes from a function that wraps with %w.
func missing(name string) bool {
	return errors.Is(open(name), fs.ErrNotExist)
}

// The variable err (kept in memory: a deferred closure reads it) is
// reused: the flattened error is assigned after the comparison, which
// inspects another call's error (modelled on grpc's DialContext).
func dial(ctx context.Context, connect, cleanup func() error) (err error) {
	defer func() {
		if err != nil {
			cleanup()
		}
	}()
	err = connect()
	if ctx.Err() == err {
		return nil
	}
	if err != nil {
		err = fmt.Errorf("%v: %v", ctx.Err(), err)
	}
	return err
}

// The inspection looks for this package's own sentinel, which the
// flattening package cannot produce: it does not import this one
// (modelled on etcd's raftRequest, whose protobuf marshal error is
// flattened in protobuf while etcd tests for its own ErrStopped).
var errStopped = errors.New("stopped")

func stopped(name string) bool {
	return errors.Is(flat.Open(name), errStopped)
}

// A comparison or a type switch sees only the outermost error, which %w
// would replace just as %v does (modelled on grpc's grpclb, which compares
// with its own sentinel, and retryablehttp's *url.Error assertion).
func flattenedOuter(name string) error {
	if err := os.Remove(name); err != nil {
		return fmt.Errorf("remove %s: %v", name, err)
	}
	return nil
}

func compared(name string) string {
	err := flattenedOuter(name)
	if err == fs.ErrNotExist {
		return "missing"
	}
	switch err.(type) {
	case *os.PathError:
		return "path"
	}
	return ""
}

// errors.Is(err, nil) is a nil check in a switch, not a look into the
// chain (modelled on etcd's cluster-version update).
func updated(name string) bool {
	switch err := flattenedOuter(name); {
	case errors.Is(err, nil):
		return true
	}
	return false
}

// The flattening fmt.Errorf is another package's (modelled on net/http's
// Location-header parse error under minio's and moby's context checks):
// of another kind than the one inspected, and not this package's to fix.
func remote(name string) bool {
	return errors.Is(flat.Open(name), fs.ErrNotExist)
}

// The sentinel that callers look for is excluded before the cause is
// flattened, so it reaches them as it is (modelled on hashicorp/raft's
// Snapshot and ErrNothingNewToSnapshot).
var errNothingNew = errors.New("nothing new")

func snapshot(take func() error) error {
	if err := take(); err != nil {
		if err != errNothingNew {
			err = fmt.Errorf("failed to start snapshot: %v", err)
		}
		return err
	}
	return nil
}

func periodic(take func() error) bool {
	return errors.Is(snapshot(take), errNothingNew)
}

// ErrDeleted is this package's sentinel.
var ErrDeleted = errors.New("deleted")

// The flattened cause is strconv's, which cannot be ErrDeleted, the only
// thing errors.Is looks for: %w would change nothing (modelled on
// nats.go's convertDirectGetMsgResponseToMsg, whose header parse error
// kv.Get tests for ErrKeyDeleted, jsm.go).
func parseSeq(s string) (uint64, error) {
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("invalid sequence %q: %v", s, err)
	}
	if n == 0 {
		return 0, ErrDeleted
	}
	return n, nil
}

func deleted(s string) bool {
	_, err := parseSeq(s)
	return errors.Is(err, ErrDeleted)
}

// codedError is an error interface of this package's API.
type codedError interface {
	error
	Code() int
}

type gone struct{}

func (gone) Error() string { return "gone" }
func (gone) Code() int     { return 410 }

// ErrGone is a sentinel declared with an interface type (nats.go's
// ErrMsgNotFound is a JetStreamError).
var ErrGone codedError = gone{}

// The same, for a sentinel of an interface type: strconv's error is not
// ErrGone (nats.go's kv.get tests GetMsg's error for ErrMsgNotFound).
func gonePkg(s string) bool {
	_, err := parseSeq(s)
	return errors.Is(err, ErrGone)
}
