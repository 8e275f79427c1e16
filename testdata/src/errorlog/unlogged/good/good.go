package good

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"log/slog"
	"os"
	"strconv"
	"strings"

	"github.com/rs/zerolog"
	"go.uber.org/zap"
)

// The error is a Printf operand.
func save(name string, data []byte) {
	if err := os.WriteFile(name, data, 0o600); err != nil {
		log.Printf("save %s: %v", name, err)
	}
}

// slog with the error as an attribute value.
func remove(name string) {
	if err := os.Remove(name); err != nil {
		slog.Error("remove failed", "name", name, "err", err)
	}
}

// slog.Any field.
func removeAny(name string) {
	if err := os.Remove(name); err != nil {
		slog.Error("remove failed", slog.Any("err", err))
	}
}

// The error's text.
func chmod(name string) {
	if err := os.Chmod(name, 0o600); err != nil {
		log.Println("chmod failed: " + err.Error())
	}
}

// zap.Error field.
func withZap(l *zap.Logger, name string) {
	if err := os.Truncate(name, 0); err != nil {
		l.Error("truncate failed", zap.String("name", name), zap.Error(err))
	}
}

// zerolog Err on the event chain.
func withZerolog(l *zerolog.Logger, name string) {
	if err := os.Truncate(name, 0); err != nil {
		l.Error().Err(err).Str("name", name).Msg("truncate failed")
	}
}

// The log line lacks the error, but the error is returned wrapped: the
// cause travels on to the caller.
func logAndWrap(name string) error {
	if err := os.Remove(name); err != nil {
		log.Printf("remove %s failed", name)
		return fmt.Errorf("remove %s: %w", name, err)
	}
	return nil
}

// A specific, expected error is identified; the log says exactly why.
func optional(name string) {
	if _, err := os.ReadFile(name); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			log.Printf("%s not found, using defaults", name)
		}
	}
}

// A project helper that takes the error logs it.
func logError(op string, err error) { log.Printf("%s: %v", op, err) }

func viaHelper(name string) {
	if err := os.Remove(name); err != nil {
		logError("remove", err)
	}
}

// A cancelled context needs no explanation.
func stop(ctx context.Context) {
	if ctx.Err() != nil {
		log.Println("shutting down")
	}
}

// The error is stored first and logged through the stored value.
type op struct{ err error }

func (o *op) run(name string) {
	if err := os.Remove(name); err != nil {
		o.err = err
		log.Println("remove failed; see op.err")
	}
}

// A Sugar logger with the error as a key-value.
func sugared(l *zap.Logger, name string) {
	if err := os.Remove(name); err != nil {
		l.Sugar().Errorw("remove failed", "name", name, "error", err)
	}
}

// The error is fetched again from the same getter for the log line
// (modelled on gorilla/websocket's example and etcd's watch loop).
func scan(sc *bufio.Scanner) {
	if sc.Err() != nil {
		log.Println("scan:", sc.Err())
	}
}

// An existence probe: the message says what the failure means (modelled
// on reviewlint's own catalog test).
func probe(name string) {
	if _, err := os.Stat(name + ".golden"); err != nil {
		log.Printf("%s expects a finding but has no .golden", name)
	}
}

// A name that does not parse, logged with the name: the parse is pure,
// so the name says everything its error would (modelled on etcd's
// checkWALNames, "ignored file in WAL directory" with the path).
var errBadName = errors.New("bad segment name")

func parseSegment(name string) (seq uint64, err error) {
	if !strings.HasSuffix(name, ".seg") {
		return 0, errBadName
	}
	_, err = fmt.Sscanf(name, "%016x.seg", &seq)
	return checked(seq), err
}

// checked is a helper without an error result: still pure.
func checked(seq uint64) uint64 { return seq &^ 1 }

func segments(l *zap.Logger, names []string) []string {
	var out []string
	for _, name := range names {
		if _, err := parseSegment(name); err != nil {
			l.Warn("ignored file in segment directory", zap.String("path", name))
			continue
		}
		out = append(out, name)
	}
	return out
}

// A standard-library parse of a field, with the field logged (modelled
// on etcd's downgrade-info check).
type info struct{ Target string }

func checkTarget(l *zap.Logger, d *info) {
	if _, err := strconv.ParseUint(d.Target, 10, 64); err != nil {
		l.Warn("unexpected target format", zap.String("target", d.Target))
	}
}
