package good

import (
	"errors"
	"fmt"
	"log/slog"

	"errorlog/log-kv-odd/logutil"

	"github.com/go-logr/logr"
	"github.com/hashicorp/go-hclog"
	"go.uber.org/zap"
)

// Pairs in order.
func paired(s *zap.SugaredLogger, log logr.Logger, h hclog.Logger, user string, n int) {
	s.Infow("login", "user", user, "attempt", n)
	log.Info("synced", "count", n)
	log.V(2).Info("detail", "user", user)
	h.Info("applied", "index", n, "user", user)
	s.Infow("no fields")
}

// A list built at run time: its length is not known, and even here.
func dynamic(s *zap.SugaredLogger, user string, admin bool) {
	kv := []any{"user", user}
	if admin {
		kv = append(kv, "role", "admin")
	}
	s.Infow("login", kv...)
}

// A zap.Field in a sugared list stands alone, and so does an error
// (zap's sweetenFields logs it as zap.Error).
func zapAlone(s *zap.SugaredLogger, err error, id string) {
	s.Infow("charged", zap.String("invoice", id), "amount", 3)
	s.Errorw("charge failed", err)
	s.Errorw("charge failed", err, "invoice", id)
}

// zap's own Logger takes typed fields, not a key/value list.
func zapFields(l *zap.Logger, id string) {
	l.Info("charged", zap.String("invoice", id))
	l.Info("charged", zap.Any("invoice", id), zap.Int("n", 1))
}

// A slog.Attr is one element of a slog list.
func logInfo(msg string, args ...any) { slog.Info(msg, args...) }

func attrs(id string) {
	logInfo("charged", slog.String("invoice", id), "amount", 3)
	logInfo("charged", "amount", 3, slog.Group("customer", "id", id))
}

// An element of interface type may be a key or an Attr: the rest cannot
// be aligned, so nothing is said.
func opaque(s *zap.SugaredLogger, k any) {
	s.Infow("m", k, 1, "extra")
}

// hclog takes a captured stack trace off the end of an odd list, and
// formats a named string key as its text.
type field string

func hclogOK(h hclog.Logger, r any) {
	h.Error("panic", "recovered", r, hclog.Stacktrace())
	h.Info("x", field("user"), "ana")
}

// A wrapper that repairs odd lists does not forward its parameter as it
// is: its callers' lists are its own business.
func safeInfo(msg string, kv ...any) {
	if len(kv)%2 == 1 {
		kv = append(kv, "(MISSING)")
	}
	slog.Info(msg, kv...)
}

// A printf-style wrapper: its variadic arguments are format operands.
func infof(format string, args ...any) { slog.Info(fmt.Sprintf(format, args...)) }

func notWrappers() {
	safeInfo("started", "port")
	infof("listening on %d", 8080)
}

// Direct calls of log/slog are vet's slog check's, not ours.
func direct(l *slog.Logger) {
	slog.Info("started", "port")
	l.Warn("slow", "ms")
}

// Cross-package wrappers with well-formed lists.
func crossPackage(l *logutil.Logger, id string) {
	l.Infow("charged", "invoice", id)
	logutil.Event("refund", "invoice", id)
	logutil.Audit("void", slog.Any("err", errors.New("x")))
}

// A wrapper whose own prefix cannot be read to the end (an element of
// interface type where a key belongs): where its callers' lists start is
// not known, so they are not checked.
type tagged struct {
	log *slog.Logger
	tag any
}

func (t *tagged) info(msg string, kv ...any) {
	t.log.Info(msg, append([]any{"tag", t.tag, t.tag}, kv...)...)
}

func unaligned(t *tagged) {
	t.info("started", "port")
}
