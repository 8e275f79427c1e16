// Package good holds hard negatives for resourceclose/unclosed: code a
// naive checker would flag, which releases or hands on every resource.
package good

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"sync"
)

// deferAfterCheck: the canonical defer after the error check.
func deferAfterCheck(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// deferBeforeCheck: the defer comes before the error check. On the error
// path f is nil and (*os.File).Close returns ErrInvalid; nothing leaks.
func deferBeforeCheck(name string) ([]byte, error) {
	f, err := os.Open(name)
	defer f.Close()
	if err != nil {
		return nil, fmt.Errorf("open config: %w", err)
	}
	return io.ReadAll(f)
}

// returnedDirectly: ownership moves to the caller.
func returnedDirectly(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// returnedAsInterface: returned as an io.ReadCloser; still the caller's.
func returnedAsInterface(name string) (io.ReadCloser, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// source pairs a file with a buffered reader over it.
type source struct {
	f *os.File
	r *bufio.Reader
}

// returnedInStruct: the file goes out inside the returned struct (the
// bodyclose false positive in ANCHOR-GAPS: "a struct holding resp.Body").
func returnedInStruct(name string) (*source, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return &source{f: f, r: bufio.NewReader(f)}, nil
}

// returnedInStructValue: the same with a struct value.
func returnedInStructValue(name string) (source, error) {
	f, err := os.Open(name)
	if err != nil {
		return source{}, err
	}
	return source{f: f, r: bufio.NewReader(f)}, nil
}

// logFile owns its file; Close releases it.
type logFile struct {
	f *os.File
	w *bufio.Writer
}

// Close flushes and closes the file.
func (l *logFile) Close() error {
	if err := l.w.Flush(); err != nil {
		l.f.Close()
		return err
	}
	return l.f.Close()
}

// newLogFile: ownership goes into a struct with a Close method, which is
// returned.
func newLogFile(name string) (*logFile, error) {
	f, err := os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	l := &logFile{f: f}
	l.w = bufio.NewWriter(f)
	return l, nil
}

// registry keeps open files by name.
type registry struct {
	mu    sync.Mutex
	files map[string]*os.File
	list  []*os.File
	cur   *os.File
}

// storeField: ownership moves into a field of the receiver.
func (r *registry) storeField(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	r.mu.Lock()
	r.cur = f
	r.mu.Unlock()
	return nil
}

// storeMap: ownership moves into a map that outlives the call.
func (r *registry) storeMap(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	r.files[name] = f
	return nil
}

// storeSlice: ownership moves into a slice field.
func (r *registry) storeSlice(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	r.list = append(r.list, f)
	return nil
}

var current *os.File

// storeGlobal: ownership moves into a package variable.
func storeGlobal(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	current = f
	return nil
}

// sendOnChannel: ownership moves to the receiver of the channel.
func sendOnChannel(name string, out chan<- *os.File) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	out <- f
	return nil
}

// closeQuietly closes c and drops the error.
func closeQuietly(c io.Closer) { _ = c.Close() }

// helperCloses: defer closeQuietly(f), where the helper closes its
// argument (the bodyclose #18/#30 false positive in ANCHOR-GAPS).
func helperCloses(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer closeQuietly(f)
	return io.ReadAll(f)
}

// deferredClosureIgnores: closed in a deferred closure that drops the
// error.
func deferredClosureIgnores(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	return io.ReadAll(f)
}

// deferredClosureJoins: closed in a deferred closure that joins the close
// error into the named result (a written file must report Close errors).
func deferredClosureJoins(name string, data []byte) (err error) {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer func() {
		err = errors.Join(err, f.Close())
	}()
	_, err = f.Write(data)
	return err
}

// everySwitchBranch: closed in every branch of a switch.
func everySwitchBranch(name string, mode int) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	switch mode {
	case 0:
		return f.Close()
	case 1:
		f.Close()
		return errors.New("mode 1 is read-only")
	default:
		return f.Close()
	}
}

// everySelectBranch: closed in every branch of a select.
func everySelectBranch(name string, done <-chan struct{}, out chan<- string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	select {
	case <-done:
		f.Close()
		return errors.New("cancelled")
	case out <- f.Name():
		return f.Close()
	}
}

// bothIfBranches: closed in both branches of an if/else.
func bothIfBranches(name string, check bool) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	if check {
		_, err := f.Stat()
		f.Close()
		return err
	} else {
		return f.Close()
	}
}

// goroutineCloses: handed to a goroutine that closes it (ANCHOR-GAPS: "a
// response closed inside a goroutine that the function starts").
func goroutineCloses(name string, out chan<- []byte) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	go func() {
		defer f.Close()
		b, _ := io.ReadAll(f)
		out <- b
	}()
	return nil
}

// wrappedErrorReturn: (v, err) with the error wrapped on the early return;
// on that path f is nil and owes nothing.
func wrappedErrorReturn(name string) (int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return 0, fmt.Errorf("stat %s: %w", name, err)
	}
	return st.Size(), nil
}

// nilGuardedClose: the error is checked after a deferred nil-guarded
// close.
func nilGuardedClose(name string) ([]byte, error) {
	f, err := os.Open(name)
	defer func() {
		if f != nil {
			f.Close()
		}
	}()
	if err != nil {
		return nil, err
	}
	return io.ReadAll(f)
}

// nilCheckedClose: "if f != nil { f.Close() }" on the way out; where f is
// nil nothing is owed.
func nilCheckedClose(name string) int64 {
	f, _ := os.Open(name)
	var size int64
	if f != nil {
		if st, err := f.Stat(); err == nil {
			size = st.Size()
		}
		f.Close()
	}
	return size
}

// exitAfterOpen: os.Exit never returns; the process releases everything.
func exitAfterOpen(name string) {
	f, err := os.Open(name)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if _, err := f.Stat(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	f.Close()
}

// fatalAfterOpen: log.Fatal on a later error; nothing is owed on a path
// that never returns.
func fatalAfterOpen(name string) []byte {
	f, err := os.Open(name)
	if err != nil {
		log.Fatal(err)
	}
	b, err := io.ReadAll(f)
	if err != nil {
		log.Fatalf("read %s: %v", name, err)
	}
	f.Close()
	return b
}

// panicAfterOpen: a panic on a later error ends the path.
func panicAfterOpen(name string) int64 {
	f, err := os.Open(name)
	if err != nil {
		panic(err)
	}
	st, err := f.Stat()
	if err != nil {
		panic(fmt.Sprintf("stat %s: %v", name, err))
	}
	f.Close()
	return st.Size()
}

// closeEachIteration: each file is closed before the next is opened.
func closeEachIteration(names []string) (int64, error) {
	var total int64
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			return 0, err
		}
		st, err := f.Stat()
		f.Close()
		if err != nil {
			return 0, err
		}
		total += st.Size()
	}
	return total, nil
}

// deferInLoopBody: a closure per iteration with its own defer.
func deferInLoopBody(names []string) error {
	for _, n := range names {
		err := func() error {
			f, err := os.Open(n)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = io.Copy(io.Discard, f)
			return err
		}()
		if err != nil {
			return err
		}
	}
	return nil
}

// bufioThenClose: a bufio.Reader over the file borrows it; the file is
// closed afterwards.
func bufioThenClose(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	r := bufio.NewReader(f)
	line, err := r.ReadString('\n')
	f.Close()
	return line, err
}

// reopenAfterClose: the variable is reused, each file closed first.
func reopenAfterClose(a, b string) error {
	f, err := os.Open(a)
	if err != nil {
		return err
	}
	f.Close()
	f, err = os.Open(b)
	if err != nil {
		return err
	}
	return f.Close()
}

// cleanupFunc: a local closure that closes, called on both paths.
func cleanupFunc(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	cleanup := func() { f.Close() }
	if _, err := f.Stat(); err != nil {
		cleanup()
		return err
	}
	cleanup()
	return nil
}

// methodExpression: closed through a method expression.
func methodExpression(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer (*os.File).Close(f)
	_, err = f.Stat()
	return err
}

// pipeBothClosed: the read end is deferred, the write end closed by the
// writing goroutine.
func pipeBothClosed(msg string) ([]byte, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	go func() {
		defer w.Close()
		io.WriteString(w, msg)
	}()
	return io.ReadAll(r)
}

// files groups files a caller closes together.
type files struct{ open []*os.File }

// attach keeps f in the set.
func (s *files) attach(f *os.File) { s.open = append(s.open, f) }

// handedToStoringMethod: a method of the same package stores its argument;
// the set now owns the file.
func handedToStoringMethod(s *files, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	s.attach(f)
	return nil
}

// closeBoth closes two files and reports the first error.
func closeBoth(a, b *os.File) error {
	errA := a.Close()
	errB := b.Close()
	if errA != nil {
		return errA
	}
	return errB
}

// closedBySecondParam: a helper that closes its second parameter.
func closedBySecondParam(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		in.Close()
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := closeBoth(in, out); err == nil {
		err = cerr
	}
	return err
}

// notExistIsFine: a missing file is not an error here. os.IsNotExist(err)
// is true only for a non-nil err, so f is nil on that return.
func notExistIsFine(name string) ([]byte, error) {
	f, err := os.Open(name)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// errorsIsNotExist: the same with errors.Is(err, fs.ErrNotExist).
func errorsIsNotExist(name string) (bool, error) {
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return true, f.Close()
}

// openWithCleanup: the file and a cleanup closure that closes it both go
// to the caller.
func openWithCleanup(name string) (*bufio.Reader, func() error, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	return bufio.NewReader(f), func() error { return f.Close() }, nil
}

// closedAsInterface: closed through an io.Closer holding it.
func closedAsInterface(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	var c io.Closer = f
	defer c.Close()
	_, err = f.Stat()
	return err
}

// deferredFuncWithArg: a deferred function literal that takes the file as
// an argument and closes it.
func deferredFuncWithArg(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer func(c io.Closer) {
		if err := c.Close(); err != nil {
			log.Printf("close %s: %v", name, err)
		}
	}(f)
	return io.ReadAll(f)
}

// stdinOrFile: "-" means standard input; only an opened file is closed,
// and os.Stdin is not the function's to close.
func stdinOrFile(name string) ([]byte, error) {
	f := os.Stdin
	if name != "-" {
		var err error
		f, err = os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
	}
	return io.ReadAll(f)
}

// invertedErrCheck: the success branch comes first and closes; the else
// branch returns the error, where f is nil.
func invertedErrCheck(name string) (int64, error) {
	f, err := os.Open(name)
	if err == nil {
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return 0, err
		}
		return st.Size(), nil
	} else {
		return 0, err
	}
}

// ifInitScoped: acquired in an if statement's init, closed inside its
// body.
func ifInitScoped(name string) []byte {
	if f, err := os.Open(name); err == nil {
		defer f.Close()
		b, _ := io.ReadAll(f)
		return b
	}
	return nil
}

// switchOnErr: the error is checked by a tagless switch.
func switchOnErr(name string) ([]byte, error) {
	f, err := os.Open(name)
	switch {
	case os.IsPermission(err):
		return nil, fmt.Errorf("no access to %s", name)
	case err != nil:
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// closeOnErrorOnly: the deferred closure closes the file only when the
// function fails; on success the file is returned to the caller. The file
// is kept in its own variable: "return nil, err" clears the results, not
// f (compare bad/conddefer.go namedResultClearedBeforeDeferredClose).
func closeOnErrorOnly(name string) (_ *os.File, err error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	if _, err = f.Stat(); err != nil {
		return nil, err
	}
	return f, nil
}

// methodValueDeferred: the Close method value is taken and deferred.
func methodValueDeferred(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	closeFn := f.Close
	defer closeFn()
	return io.ReadAll(f)
}

// namedBareReturn: the file goes out through a named result and a bare
// return; the failure path after the open closes it.
func namedBareReturn(name string) (f *os.File, err error) {
	f, err = os.Open(name)
	if err != nil {
		return
	}
	if _, err = f.Stat(); err != nil {
		f.Close()
		return nil, err
	}
	return
}

// storedThroughPointer: the file is handed out through a pointer
// parameter.
func storedThroughPointer(name string, dst **os.File) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	*dst = f
	return nil
}

// collectedAndReturned: files are collected into a slice that is
// returned; on failure the ones opened so far are closed.
func collectedAndReturned(names []string) ([]*os.File, error) {
	var out []*os.File
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			for _, o := range out {
				o.Close()
			}
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// retryOpen: the open is retried in a loop; after the loop the error is
// checked once, then the file is closed with defer.
func retryOpen(name string, attempts int) ([]byte, error) {
	var f *os.File
	var err error
	for i := 0; i < attempts; i++ {
		f, err = os.Open(name)
		if err == nil {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// must panics on a non-nil error and returns v otherwise.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// mustGeneric: a generic must helper passes the file through; it is
// closed with defer.
func mustGeneric(name string) []byte {
	f := must(os.Open(name))
	defer f.Close()
	b, _ := io.ReadAll(f)
	return b
}

// closePreviousEachIteration: the previous file is closed at the top of
// each iteration, the last one after the loop.
func closePreviousEachIteration(names []string) (int64, error) {
	var prev *os.File
	var total int64
	for _, n := range names {
		if prev != nil {
			prev.Close()
		}
		f, err := os.Open(n)
		if err != nil {
			return 0, err
		}
		st, err := f.Stat()
		if err == nil {
			total += st.Size()
		}
		prev = f
	}
	if prev != nil {
		prev.Close()
	}
	return total, nil
}

// closeAny closes its argument when it is a Closer, like resty's closeq.
func closeAny(v any) {
	if c, ok := v.(io.Closer); ok {
		_ = c.Close()
	}
}

// closedThroughAnyHelper: a helper taking any that closes Closers
// (go-resty's closeq; found on the bench corpus).
func closedThroughAnyHelper(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer closeAny(f)
	return nil
}

// deferredBeforeAcquired: the deferred closure is registered before the
// file exists and closes whatever the variable holds at return
// (mime/multipart's readForm; found running on std).
func deferredBeforeAcquired(dir string, big bool) (name string, err error) {
	var file *os.File
	defer func() {
		if file != nil {
			if cerr := file.Close(); err == nil {
				err = cerr
			}
		}
	}()
	if big {
		file, err = os.CreateTemp(dir, "part-")
		if err != nil {
			return "", err
		}
		if _, err := file.WriteString("x"); err != nil {
			return "", err
		}
		name = file.Name()
	}
	return name, nil
}
