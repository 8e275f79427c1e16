package errorlog

import "github.com/reviewlint/reviewlint/analyzers/internal/meta/catalog"

// The rule IDs this analyzer reports.
const (
	RuleDiscarded        = "errorlog/discarded"
	RuleFatalInLibrary   = "errorlog/fatal-in-library"
	RuleGoroutineDropped = "errorlog/goroutine-dropped"
	RuleLogAndReturn     = "errorlog/log-and-return"
	RuleLogKVOdd         = "errorlog/log-kv-odd"
	RuleLogNotSent       = "errorlog/log-not-sent"
	RuleOverwritten      = "errorlog/overwritten"
	RuleParseUnchecked   = "errorlog/parse-unchecked"
	RuleRetryCauseLost   = "errorlog/retry-cause-lost"
	RuleScanErrUnchecked = "errorlog/scan-err-unchecked"
	RuleSwallowed        = "errorlog/swallowed"
	RuleUnlogged         = "errorlog/unlogged"
	RuleWrapVerb         = "errorlog/wrap-verb"
)

// Rules lists the rules this analyzer reports. Each rule's Default is what
// its measured evidence on the bench/ corpus decides (catalog.Evidence).
var Rules = []catalog.Rule{
	{
		ID:    RuleDiscarded,
		Title: "a dropped error that was the only report of lost written data or of a change that did not happen",
		Text: `Most dropped errors lose nothing: fmt.Print*, bytes.Buffer, strings.Builder
and hash.Hash writes never fail, and the Close of a file opened for reading
has nothing left to report. Those are the thousands of findings that bury
errcheck's useful ones, and this rule does not report them. What it
reports are the drops that lose data silently: Close of a file opened for
writing (os.Create, os.CreateTemp, os.OpenFile with a write flag), where
the kernel may report a failed write-back only on Close, and the Sync of
such a file, or of a file kept in a struct field that some function of
the package writes through (opened in one method, written in another,
synced as a statement in a third: a Sync exists only to report that the
data did not reach the disk);
Flush or Close of a writer that buffers or finishes its output
(bufio.Writer, gzip/zlib/flate writers, zip and tar writers, tabwriter),
where the last bytes are written only then, made in the function or kept
in a struct field that the package only ever sets to such a writer over
an *os.File (and Resets onto a file only). A drop is not reported when the
same function also checks that call's error on the same value (a deferred
Close as a safety net next to a checked Close, or after a checked Sync), or
when the writer wraps an in-memory buffer or os.Stdout/os.Stderr, or was
handed in (its owner checks it), or sits in the branch of an earlier
failure (cleanup), or is assigned to _ with a comment on its line or the
line above (a decision explained). A file that is never written (a writability probe:
CreateTemp, Close, Remove) has nothing to lose, and a Sync checked through
a project helper whose contract says it syncs its file parameter
(etcd's fileutil.Fsync(f)), or on a variable that holds the file on some
paths, counts as a checked Sync. Fix: check
the error; for a deferred Close in a function with a named error result,
defer func() { err = errors.Join(err, f.Close()) }() (Go 1.20).
An Encode of a json, gob or xml encoder made over such a file is the same:
its dropped error leaves a partial record behind a success; and so is a
write straight into such a file (io.Copy, io.CopyN, io.CopyBuffer,
io.WriteString, fmt.Fprint*, binary.Write, and the file's Write,
WriteString, WriteAt and ReadFrom), whose error Close does not repeat,
unless the file is removed on every path after it (a probe).
The same holds for calls whose error is the only sign that a change the
program relies on did not happen, dropped as a statement (plain or
deferred): sql.Tx.Commit, Exec on a DB, Tx, Conn or Stmt, and os.Rename,
Chmod, Chown, Chtimes, WriteFile, Truncate, Symlink, Link and Chdir, and
for the module's own functions whose error may be one of these calls'
(returned as it is or wrapped by fmt.Errorf, through helpers: a
repository's Delete returning its ExecContext's error). Not
reported in the branch of an earlier failure (a best-effort step
on the way out), nor as _ = f() (the drop is said), nor for removals
(os.Remove is the usual best-effort cleanup), Rollback, or directory
creation (a failed MkdirAll surfaces as the error of the next file
operation in it).`,
		Bad: `func save(path string, data []byte) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(data)
	return err
}`,
		Good: `func save(path string, data []byte) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, f.Close()) }()
	_, err = f.Write(data)
	return err
}`,
		Severity: catalog.Warning,
		Default:  true, // corpus: 10 tp, 0 fp (ledger)
		Since:    "v0.1.0",
	},
	{
		ID:    RuleFatalInLibrary,
		Title: "a library package that ends the program: log.Fatal, os.Exit or panic(err)",
		Text: `A library does not own the process. log.Fatal* and os.Exit end it on the
spot (deferred calls do not run: files are not flushed, locks not released,
temporary files stay), and panic(err) turns an error the caller could have
handled into a crash. Return the error and let main decide. Reported in
packages other than main, outside test files and packages that import
testing (test helpers). Not reported: init functions and package variable
initialisers (they run before main and have no caller to return to),
functions named Must... or must... (panicking is their documented contract,
like regexp.MustCompile; a logger's Fatal.../Exit... functions likewise),
panics with an error built on the spot (errors.New, fmt.Errorf: an
assertion, not a converted failure), and os.Exit(0) (a success exit after
printing help or a version drops no error), an exit after a receive from an
os.Signal channel (the operator's interrupt), a function that exits on
every path (an exit helper like log.Fatal: its callers in the package are
reported instead), and an exit or panic on an error that cannot happen: a
pure call on fixed inputs (a freshly made chunk's appender) or a write into
memory (a bytes.Buffer, or a bufio or csv writer made around one and left
with its defaults). In a function without an error result,
panic(err) is reported only in a plain function (not a method or a function
literal, whose signature an interface or a callback may impose) and only
for a failure of the outside world (os, io,
net, net/http, database/sql, os/exec, bufio, JSON decoding): there the
signature is often an interface's, and panicking on invalid configuration
is a documented contract of many libraries (prometheus' WithLabelValues).`,
		Bad: `func Load(path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatalf("load %s: %v", path, err)
	}
	return b
}`,
		Good: `func Load(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	return b, nil
}`,
		Severity: catalog.Warning,
		// corpus (libraries and applications): 10 tp, 0 fp (ledger), since
		// exits on errors that cannot happen (pure calls on fixed inputs,
		// writes into memory) are not reported.
		Default: true,
		Since:   "v0.1.0",
	},
	{
		ID:    RuleGoroutineDropped,
		Title: "an error that dies with the goroutine that produced it",
		Text: `Nothing receives a goroutine's results: go srv.Serve(l) throws Serve's
error away (a port already in use goes unnoticed), and a goroutine body
that returns on an error without sending, storing or logging it ends in
silence while the rest of the program waits for work that never happened.
Reported: a go statement calling a function with an error result; in a
function literal started with go, a branch taken because a call's error is
non-nil that returns without using the error (errors.Is, a send, a store, a
log call, a handler all count as using it). Not reported: such a branch in a
loop (returning when Accept fails on a closed listener, or at io.EOF, is how
a worker loop ends), go io.Copy (a proxy's copy ends when a side closes), a
started function that stores its own named error result in a defer, a
started function whose error result is nil on every path (a fact computed
from its returns, through the functions it returns from), go c.Close() and
go os.RemoveAll(dir) (a release in the background), and an
explicit _ = assignment. Fix: send the error on a channel the caller reads,
use errgroup.Group.Go, or log it with context.`,
		Bad: `go func() {
	if err := w.process(job); err != nil {
		return
	}
}()`,
		Good: `g.Go(func() error {
	return w.process(job)
})`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleLogAndReturn,
		Title: "an error both logged and returned, so it is logged again up the stack",
		Text: `Handle an error once: either log it (and stop there) or return it with
context (and let the caller decide). Logging and returning writes the same
failure at every level that does the same, with less context each time,
and the logs of one incident no longer say how many things failed.
Reported where the second log happens: at a caller that, in a branch
where a callee's error is non-nil, logs that error (log, log/slog,
fmt.Fprint to os.Stderr, zap, zerolog, logrus, klog, hclog, logr, go-kit,
or a project helper that a fact says logs its error parameter, in any
package) although the callee's contract says it logged the error before
returning it (in a branch on an error it logs the error and returns it or
a wrap of it, or it returns such a callee's error on). A function that
logs and returns with no caller that logs again is not reported: a gRPC or
HTTP handler returns the error to a remote client, and its log line is the
server's only record. Returning a different error (a sentinel for callers)
after logging the detail is fine.`,
		Bad: `func save(u User) error {
	if err := db.Put(u); err != nil {
		log.Printf("save user %s: %v", u.ID, err)
		return err
	}
	return nil
}

if err := save(u); err != nil {
	log.Printf("signup: %v", err) // the second log of one failure
}`,
		Good: `func save(u User) error {
	if err := db.Put(u); err != nil {
		return fmt.Errorf("save user %s: %w", u.ID, err)
	}
	return nil
}

if err := save(u); err != nil {
	log.Printf("signup: %v", err)
}`,
		Severity: catalog.Info,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleLogKVOdd,
		Title: "a structured log call whose key/value list has a key without a value, or a value where a key belongs",
		Text: `Structured loggers read their variadic arguments in pairs at run time:
slog.Info(msg, "user", id), zap's Infow, logr's Info, Error and
WithValues, hclog's Info. A missing value or a missing key compiles and
shifts every pair after it: the field is logged under !BADKEY (slog) or
EXTRA_VALUE_AT_END (hclog), dropped with an error line instead (zap's
"Ignored key without a value"), or reported as "odd number of arguments
passed as key-value pairs" by a logr sink (zapr panics in development
mode). vet's slog check sees direct calls of log/slog only; this rule
reads the list on SSA for zap's SugaredLogger (Debugw ... Fatalw, Logw,
With), go-logr/logr's Logger and LogSink, hashicorp/go-hclog's Logger
(Trace ... Error, Log, With), and a project's wrappers of any of these
and of log/slog: a function whose ...any parameter is forwarded as such
a list, as it is or appended to or after a well-formed list of its own,
is summarised as a fact, so its callers in every package are checked as
the library's. Reported: a list that ends with an element at a key
position and no value after it, and an element that cannot be a key
where one belongs (an int, an error, a named string type for the
libraries that test for string). Each library's rules are followed: a
slog.Attr stands alone in a slog list, a zap.Field or an error in a
sugared one (zap logs the error as zap.Error), and hclog takes a
captured stack trace off the end of an odd list and formats a named
string key as its text. Not reported: lists built at run time (appended
to, or held in a variable that changes), which are not known; an element
of interface type at a key position (it may be a key or an Attr: the
rest cannot be aligned); zap's own Logger, whose fields are typed;
direct calls of log/slog (vet's); and a wrapper that repairs odd lists
before forwarding them (its parameter is not forwarded as it is). Fix:
add the missing key (or value), or pass a typed field (slog.Any,
zap.Error).`,
		Bad: `func logInfo(msg string, args ...any) { slog.Info(msg, args...) }

logInfo("listening", "port")     // no value: logged as !BADKEY
s.Warnw("retrying", attempt)     // zap: "Ignored key without a value"
logger.Info("starting", name)    // hclog: EXTRA_VALUE_AT_END=name`,
		Good: `func logInfo(msg string, args ...any) { slog.Info(msg, args...) }

logInfo("listening", "port", port)
s.Warnw("retrying", "attempt", attempt)
logger.Info("starting", "name", name)`,
		Severity: catalog.Warning,
		// corpus: no findings on 176 hclog calls read (raft, consul/api);
		// no zap sugar, logr or wrapper calls in it (bench/results/s21-logging-notes.md).
		Default: true,
		Since:   "v0.1.0",
	},
	{
		ID:    RuleLogNotSent,
		Title: "a zerolog event that is never sent: without Msg or Send, nothing is logged",
		Text: `zerolog builds an event with a chain (log.Error().Err(err).Str("op", op))
and writes it only when Msg, Msgf, MsgFunc or Send ends the chain. "If
you forget to add either of these, the log will not occur and there is
no compile time error to alert you of this" (zerolog's README): the
error goes unrecorded, and a Fatal or Panic event does not end the
program either. The event is followed on SSA like a resource by the
lifetime engine: started by a level method (Trace, Debug, Info, Warn,
Error, Err, Fatal, Panic, WithLevel, Log) of a zerolog.Logger or of
zerolog/log, carried through the chain (the event's own methods return
it), through variables and through helpers that add fields (their
summaries say they borrow it) or continue the chain and return it, and
released by Msg, Msgf, MsgFunc, Send or Discard, directly, deferred, in
a deferred closure or in a helper that sends it. Reported: an event that
some path from its start to a return, or round a loop to the next
event, leaves unsent, in main too (the end of the process settles files
and connections, not a line that was never written). Not reported: an event returned to the caller, or
a project function that returns one (its callers owe the send),
stored in a field or handed to a function that keeps it; the false edge
of Enabled (if e := log.Debug(); e.Enabled(): a disabled event is nil)
and an event only asked whether it is enabled; zerolog.Dict(), which its
parent event takes. Fix: end the chain with .Msg("...") or .Send() on
every path; the suggested fix appends .Send() to a chain written as a
statement of its own.`,
		Bad: `if err != nil {
	log.Error().Err(err).Str("op", "sync") // nothing is logged
	return
}`,
		Good: `if err != nil {
	log.Error().Err(err).Str("op", "sync").Msg("sync failed")
	return
}`,
		Severity: catalog.Warning,
		// corpus: no zerolog user; zerolog's own module (384 chains,
		// tests included): no findings (bench/results/s21-logging-notes.md).
		Default: true,
		Since:   "v0.1.0",
	},
	{
		ID:    RuleOverwritten,
		Title: "an error assigned to a variable and overwritten or dropped before anything checks it",
		Text: `x, err := a(); y, err := b(); if err != nil {...}: the error of a() is
assigned to err and replaced by b()'s before anyone looks at it, so a()'s
failure goes unnoticed and x is used as if it were valid. The same happens
when an err assigned in a loop or just before a return is never read. On
SSA this is exact: the error value has no use at all. Reported for a call's
error assigned to a named local variable (not _, which says the drop is
meant) and never read; writes to a bytes.Buffer, strings.Builder or
hash.Hash, which document that they never fail, are left alone. Fix: check
the error where it is assigned, or assign it to _ if it truly does not
matter.`,
		Bad: `cfg, err := loadConfig(path)
db, err := sql.Open("postgres", cfg.DSN) // loadConfig's error is lost
if err != nil {
	return err
}`,
		Good: `cfg, err := loadConfig(path)
if err != nil {
	return err
}
db, err := sql.Open("postgres", cfg.DSN)
if err != nil {
	return err
}`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleParseUnchecked,
		Title: "a parse of outside input whose error is assigned to _: a malformed value silently becomes zero",
		Text: `n, _ := strconv.Atoi(r.FormValue("limit")) turns "ten", "10 " or "1e3" into
0 without a trace, and the program goes on with a limit, a port, a timeout
or a flag the user never asked for; "yes" parsed with ParseBool becomes
false. The error is the only sign that the input was malformed. Reported
for strconv's Atoi, ParseInt, ParseUint, ParseFloat and ParseBool,
time.Parse, ParseInLocation and ParseDuration, and url.Parse and
ParseRequestURI, when the error is assigned to the blank identifier and
the parsed string comes from outside: an HTTP request's form, query,
path value, header or fields (r.Form, r.URL.Path), os.Getenv or
LookupEnv, a flag, os.Args, or a read
(bufio.Scanner, bufio.Reader, io.ReadAll, os.ReadFile), followed
through conversions, slicing, local variables, closures and the
splitting and trimming functions of strings and bytes. Not reported: a
constant input, an input the function checked first (a regexp matched
it, or an earlier parse of the same value whose error is checked), a
value compared with a constant before every use (if n, _ :=
strconv.Atoi(s); n > 0 makes zero the explicit "not set"; a bool tested
by an if is on only when it says true), a comment on the line or the
line above (// zero if unset or invalid: a documented decision), a parameter
of a function with no error result (a lenient conversion helper such as
caddy's WeakString.Int, whose contract is zero on bad input), and test
files. A parameter of a function that returns an error is reported: it
could have said the input was bad. Fix: check the
error and report the bad input, or make the fallback explicit.`,
		Bad: `limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
rows := store.List(limit) // "ten" lists nothing`,
		Good: `limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
if err != nil {
	http.Error(w, "limit: not a number", http.StatusBadRequest)
	return
}
rows := store.List(limit)`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleScanErrUnchecked,
		Title: "a bufio.Scanner loop whose Err is never checked",
		Text: `Scan returns false at the end of the input, and also when the read fails
(a reset connection, a disk error, a cancelled process pipe) or a token is
longer than the scanner's buffer (bufio.ErrTooLong: 64 KiB lines by
default). Only Err tells them apart: a loop that never asks treats a
truncated input as a complete one, silently. Reported for a scanner made by
bufio.NewScanner and scanned in a loop in the same function, when that
function never calls its Err and never hands the scanner on (to another
function, a closure, a field or a result), since whoever receives it may
check it. A scanner over a strings.Reader, bytes.Reader or bytes.Buffer is
not reported: an in-memory read cannot fail. Fix: check sc.Err() after the
loop.`,
		Bad: `func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
	}
	return n, nil // a read error counts as the end of the file
}`,
		Good: `func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
	}
	return n, sc.Err()
}`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleSwallowed,
		Title: "an error branch that returns a nil error: the failure becomes success",
		Text: `In a branch taken because a call returned a non-nil error, the function
returns a nil error and the branch never looks at the error: the caller is
told the operation succeeded, and nothing records why it did not. Return
the error (wrapped with %w and the operation's identifiers). When ignoring
it is right, say so in code the reader (and this rule) can see: test which
error it is (errors.Is(err, fs.ErrNotExist), errors.Is(err, io.EOF),
errors.Is(err, sql.ErrNoRows)), log it, store it, or hand it to a handler;
any such use of the error in the branch silences the rule, since logging
an error and carrying on is a deliberate best-effort choice. Only errors
produced by a call in the function are followed, or received from a channel
in it (a worker's result, gathered in a select loop into a variable that
is nil until one arrives); an error parameter such as a filepath.Walk
callback's is the caller's. Only conditions that are
exactly err != nil or err == nil (a compound condition is a filter),
ctx.Err() is left alone (stopping quietly on cancellation is the norm),
and so is a branch that falls back to another way of doing the work and
returns that attempt's error (if the cache fails, compute): its nil means
the fallback succeeded. The barest form is reported too, in any function:
an empty branch (if err != nil {}) whose error is used nowhere else, unless
a comment on its own line inside the braces says why.
So is the loop form: in a loop over items (a range, a for with a post
statement, or a for whose condition is a call such as rows.Next()), a
branch on a call's error that skips the item with continue, or stops
with break, doing nothing but calls before it (no log, count, flag or
append of the error), in a function that returns a nil error after the
loop: the caller takes a partial result for a complete one. Not reported
in that form: a pure call's failure (strconv.Atoi of a file name:
skipping what does not parse is how a loop filters its input), removals
and Close (best-effort cleanup), an error that flows past the branch (a
retry loop returning its last attempt's error), a callee whose errors
are all sentinels (return ErrNotFound: an outcome, as errors.Is would
say), a search loop that returns a nil error from inside (the first
certificate that fits wins; none fitting is an answer), loops with
no range, post statement or call condition (for {} and for ok {} retry,
or end at their terminating error), a continue that skips nothing, and
a comment on its own line in the braces. Also reported: a branch that
returns the error as a non-error result (return err, nil with an any or
interface{} first result) and a nil error, unless the signature returns two
errors or the branch also logs the error.`,
		Bad: `b, err := os.ReadFile(path)
if err != nil {
	return nil, nil
}`,
		Good: `b, err := os.ReadFile(path)
if err != nil {
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil // no config file: defaults
	}
	return nil, fmt.Errorf("read config %s: %w", path, err)
}`,
		Severity: catalog.Warning,
		// Off: 7 of 7 on the corpus, but outside it (the standard library,
		// golangci-lint's and staticcheck's source) 3 of 6: a fallback
		// (if the cache fails, compute; now recognised) and a deliberate
		// "no resumption" (crypto/tls tickets, still pending) return nil
		// on purpose and say so nowhere.
		Default: true,
		Since:   "v0.1.0",
	},
	{
		ID:    RuleUnlogged,
		Title: "a log line about a failure that does not include the error",
		Text: `"failed to save user" tells the reader that something went wrong, never
why: the error itself is the most useful part of the line. A good log line
for a failure carries the error (slog.Any("err", err), zap.Error(err),
zerolog's .Err(err), or %v in a printf format), the operation, and the
identifiers involved, as the slog and zap guides recommend. Reported when,
in a branch where a call's error is non-nil, the branch logs (log,
log/slog, fmt.Fprint to os.Stderr, testing.T, zap, zerolog, logrus, klog,
hclog, logr, go-kit) but never uses the error at all: not in the log call,
not returned, wrapped, stored or compared. A branch that logs without the
error but returns it is left alone (the cause travels to the caller), and
so is a branch that identified the error (errors.Is) first, and a log
line that carries every operand of a pure call that failed (a parse: no
I/O, no interface call, no global written; a fact for the analysed code):
"ignored file" with the name that did not parse says what the error
would.`,
		Bad: `if err := os.WriteFile(path, data, 0o600); err != nil {
	log.Printf("failed to save %s", path)
	return errSaveFailed
}`,
		Good: `if err := os.WriteFile(path, data, 0o600); err != nil {
	slog.Error("save failed", "path", path, "err", err)
	return errSaveFailed
}`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleWrapVerb,
		Title: "fmt.Errorf formats an error with %v or %s instead of wrapping it with %w",
		Text: `Since Go 1.13, fmt.Errorf with %w wraps the error: errors.Is and errors.As
look through the wrap, so callers can still test for fs.ErrNotExist,
context.Canceled or a driver's error type. %v and %s keep only the text,
and every check up the stack fails silently. The message is the same with
%w. Reported for an operand whose type is an error, with a plain %v or %s,
in a constant format that has no %w yet (a second cause formatted with %v
next to a %w is a choice), in files whose Go version is at least 1.13,
and only where the loss is seen: code inspects the error it becomes
with errors.Is or errors.As (a comparison or a type assertion sees only
the outermost error, which %w replaces as well), in the same function or
in a caller, through functions that
return it on (a contract fact). A %v in a message that is only printed
(config validation, startup, a protocol parse) loses nothing anyone looks
for. An inspection for a sentinel or type that the flattening package
cannot produce (it neither declares nor imports it) does not count, nor
one for a sentinel the fmt.Errorf's branch has excluded (if err !=
ErrX { err = fmt.Errorf(...) }); a variable reused for another call's
error is followed by where each store reaches. Only a fmt.Errorf in the
inspecting package is reported (the fix is there); a dependency's
flattening (net/http's, on the corpus) was of another kind of error than
the one inspected, and is not the analysed code's to change.
Not reported: %+v and other flags (a detailed rendering such as a stack
trace would change), explicit argument indexes, and err.Error() (a string:
that is how code hides a cause on purpose, for instance at an API
boundary whose callers must not depend on an internal error). The fix
turns the verb into %w.`,
		Bad: `func load(path string) error {
	if _, err := os.ReadFile(path); err != nil {
		return fmt.Errorf("open %s: %v", path, err)
	}
	return nil
}

if errors.Is(load(path), fs.ErrNotExist) { // never true
	useDefaults()
}`,
		Good: `func load(path string) error {
	if _, err := os.ReadFile(path); err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	return nil
}`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleRetryCauseLost,
		Title: "a retry loop that gives up with a new error and drops the last attempt's cause",
		Text: `for i := 0; i < 3; i++ { if c, err := dial(); err == nil { return c, nil } }
return nil, errors.New("retries exhausted"): the caller learns that every
attempt failed, not why; the refused connection, the expired certificate
or the 503 that would have told an operator what to fix is gone.
Reported for a return of a new error (errors.New, fmt.Errorf) where a loop
gives up, when in that loop a call's error is tested against nil, its
failure goes round again and its success leaves the loop, and that error
is used for nothing but the test. Giving up is leaving the loop by its own
test or on the way from the failure back to it, then reaching the return
without another error's test and without going round an enclosing loop.
Not reported: an error kept in a variable and wrapped or returned after
the loop, logged or handed to a helper in the loop (a retryable check), a
sentinel or ctx.Err() returned after the loop, a new error that formats or
wraps another error, loops whose failure returns at once, returns of a
later step or of a check on what a later iteration produced, and loops
that feed the same text or bytes to each alternative (a message to each
key, a string to each time layout), where every wrong alternative fails
by design. Fix: keep the last error and wrap it, or join the attempts'
errors (errors.Join).`,
		Bad: `for i := 0; i < 3; i++ {
	if conn, err := net.Dial("tcp", addr); err == nil {
		return conn, nil
	}
}
return nil, errors.New("dial: retries exhausted")`,
		Good: `var last error
for i := 0; i < 3; i++ {
	conn, err := net.Dial("tcp", addr)
	if err == nil {
		return conn, nil
	}
	last = err
}
return nil, fmt.Errorf("dial %s: retries exhausted: %w", addr, last)`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
}
