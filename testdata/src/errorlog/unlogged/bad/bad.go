package bad

import (
	"errors"
	"fmt"
	"log"
	"log/slog"
	"os"
	"strconv"

	"github.com/rs/zerolog"
	"go.uber.org/zap"
)

var errSave = errors.New("save failed")

// The log says what failed but not why, and a sentinel replaces the cause.
func save(name string, data []byte) error {
	if err := os.WriteFile(name, data, 0o600); err != nil {
		log.Printf("failed to save %s", name) // want `because os.WriteFile \(line 19\) failed, but it does not include the error`
		return errSave
	}
	return nil
}

// slog with attributes but without the error.
func remove(name string) {
	if err := os.Remove(name); err != nil {
		slog.Error("remove failed", "name", name) // want `does not include the error`
	}
}

// A message to stderr without the cause.
func mkdir(dir string) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(os.Stderr, "cannot create %s\n", dir) // want `does not include the error`
	}
}

// In a loop: the failing item is skipped with a log line lacking the error.
func statAll(paths []string) {
	for _, p := range paths {
		if _, err := os.ReadFile(p); err != nil {
			log.Println("skipping", p) // want `does not include the error`
			continue
		}
	}
}

// A *log.Logger method.
func withLogger(l *log.Logger, name string) {
	if _, err := os.ReadFile(name); err != nil {
		l.Printf("read %s failed", name) // want `does not include the error`
	}
}

// A *slog.Logger method with context.
func withSlog(l *slog.Logger, name string) {
	if err := os.Chmod(name, 0o600); err != nil {
		l.Warn("chmod failed", slog.String("name", name)) // want `does not include the error`
	}
}

// zap with a field that is not the error.
func withZap(l *zap.Logger, name string) {
	if err := os.Truncate(name, 0); err != nil {
		l.Error("truncate failed", zap.String("name", name)) // want `does not include the error`
	}
}

// zerolog event without Err.
func withZerolog(l *zerolog.Logger, name string) {
	if err := os.Truncate(name, 0); err != nil {
		l.Error().Str("name", name).Msg("truncate failed") // want `does not include the error`
	}
}

// The else of an err == nil test.
func elseBranch(name string) int {
	b, err := os.ReadFile(name)
	if err == nil {
		return len(b)
	} else {
		log.Print("read failed") // want `does not include the error`
	}
	return 0
}

// The wrong error is logged: the branch tests controlErr and logs another
// one (modelled on grpc's interop client).
func wrongErr(name string, other error) {
	if err := os.Remove(name); err != nil {
		log.Printf("remove failed: %v", other) // want `does not include the error`
	}
}

// A project's own printf wrapper is a log call too (a summary says it
// forwards its arguments to log.Printf).
func logf(format string, args ...any) { log.Printf("app: "+format, args...) }

func viaWrapper(name string) {
	if err := os.Remove(name); err != nil {
		logf("remove %s failed", name) // want `does not include the error`
	}
}

// The parse's input is not in the log line: which value failed is lost.
func portOf(l *zap.Logger, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		l.Warn("bad port, using default") // want `does not include the error`
		return 80
	}
	return n
}

// The failed call reads a file: the path alone does not say why
// (permission, missing, a directory), so the error is needed.
func loadNamed(l *zap.Logger, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		l.Warn("cannot read file", zap.String("path", path)) // want `does not include the error`
		return nil
	}
	return b
}

// A project function that is not pure (it reads a file): logging its
// operand is not enough.
func readSeq(path string) (int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(string(b))
}

func seqOf(l *zap.Logger, path string) int {
	n, err := readSeq(path)
	if err != nil {
		l.Warn("no sequence", zap.String("path", path)) // want `does not include the error`
		return 0
	}
	return n
}
