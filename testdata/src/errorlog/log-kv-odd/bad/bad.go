package bad

import (
	"context"
	"errors"
	"log/slog"

	"errorlog/log-kv-odd/logutil"

	"github.com/go-logr/logr"
	"github.com/hashicorp/go-hclog"
	"go.uber.org/zap"
)

// A key with no value after it: the sugared logger drops the pair and
// logs an error about it instead.
func zapMissingValue(s *zap.SugaredLogger, user string) {
	s.Infow("login", "user", user, "attempt") // want `key/value list of SugaredLogger.Infow has an odd length: it ends with "attempt"`
}

// A value where a key belongs: every pair after it is shifted.
func zapShifted(s *zap.SugaredLogger, attempt int, host string) {
	s.Warnw("retrying", attempt, "host", host) // want `has attempt \(int\) where a string key belongs`
}

// With takes a key/value list too.
func zapWith(s *zap.SugaredLogger, id string) *zap.SugaredLogger {
	return s.With("request") // want `SugaredLogger.With has an odd length`
}

// logr: a value without its key, the bug of banzaicloud/koperator#746
// and fluxcd/source-controller#641 ("odd number of arguments passed as
// key-value pairs for logging").
func logrOdd(log logr.Logger, err error, name string) {
	log.Error(err, "reconcile failed", "name", name, "retry") // want `Logger.Error has an odd length: it ends with "retry"`
}

// logr: an error at a key position is not a key.
func logrErrorKey(log logr.Logger, err error) {
	log.V(1).Info("cannot fetch", err) // want `ends with err, a value without a key \(error is not a string key\)`
}

// logr's WithValues.
func logrWithValues(log logr.Logger, ns string) logr.Logger {
	return log.WithValues("namespace", ns, "pod") // want `Logger.WithValues has an odd length`
}

// hclog: the value without a key that hashicorp/nomad-driver-virt#64
// fixed, logged under EXTRA_VALUE_AT_END.
func hclogExtra(logger hclog.Logger, name string) {
	logger.Info("starting domain", name) // want `Logger.Info has an odd length: it ends with name`
}

// hclog through an InterceptLogger, whose methods are Logger's.
func hclogIntercept(logger hclog.InterceptLogger, id int) {
	logger.Debug("applied", "index", id, 3) // want `Logger.Debug has an odd length`
}

// hclog's With.
func hclogWith(logger hclog.Logger) hclog.Logger {
	return logger.With("component") // want `Logger.With has an odd length`
}

// hclog: an int at a key position; the pairs after it shift.
func hclogShifted(logger hclog.Logger, term uint64, addr string) {
	logger.Warn("vote rejected", term, "from", addr) // want `has term \(uint64\) where a string key belongs`
}

// A package's own slog wrapper: vet's slog check sees only direct calls.
func logInfo(msg string, args ...any) { slog.Info(msg, args...) }

func slogWrapper(port int) {
	logInfo("listening", "port") // want `logInfo \(forwarded to log/slog\) has an odd length`
}

// An error handed to the wrapper where a key belongs.
func slogWrapperErr(err error) {
	logInfo("listen failed", err) // want `ends with err, a value without a key`
}

// A named string type is not a string to slog: it is logged under
// !BADKEY.
type field string

func slogNamedKey(user string) {
	logInfo("login", field("user"), user) // want `has field\("user"\) \(field\) where a string key belongs`
}

// A method wrapper of *slog.Logger.
type server struct {
	log  *slog.Logger
	name string
}

func (s *server) debugf(ctx context.Context, msg string, kv ...any) {
	s.log.DebugContext(ctx, msg, kv...)
}

// A wrapper that adds its own pair before the caller's list.
func (s *server) warn(msg string, kv ...any) {
	s.log.Warn(msg, append([]any{"server", s.name}, kv...)...)
}

func (s *server) serve(ctx context.Context, conns int) {
	s.debugf(ctx, "accepted", "conns", conns, "limit") // want `server.debugf \(forwarded to log/slog\) has an odd length`
	s.warn("slow client", conns)                       // want `server.warn \(forwarded to log/slog\) has an odd length: it ends with conns`
}

// Wrappers in another package, known from their facts.
func crossPackage(l *logutil.Logger, id string) {
	l.Infow("charged", "invoice", id, "amount") // want `Logger.Infow \(forwarded to zap\) has an odd length`
	logutil.Event("refund", id)                 // want `logutil.Event \(forwarded to log/slog\) has an odd length`
	logutil.Audit("void", errors.New("x"))      // want `logutil.Audit \(forwarded to log/slog\) has an odd length`
}

// A slice literal spread into the call is read the same way.
func spreadLiteral(s *zap.SugaredLogger, id string) {
	s.Infow("spread", []any{"id", id, "extra"}...) // want `SugaredLogger.Infow has an odd length`
}
