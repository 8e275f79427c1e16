package lifetime

import (
	"go/types"
	"strings"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// Kind is a kind of resource and how it is released.
type Kind struct {
	// Name is what messages call it: "file", "sql.Rows", "cancel func" ...
	Name string
	// Family is the analyzer that reports it.
	Family string
	// Release lists the methods that release it (any one suffices).
	Release []string
	// CallReleases marks a function-valued resource (a context cancel
	// func): calling the value releases it.
	CallReleases bool
	// Fix is the statement a suggested fix defers, with %s for the
	// resource's name ("%s.Close()").
	Fix string
	// CollectedSince is the Go version from which the runtime reclaims
	// the resource when it is dropped ("go1.23" for timers and tickers);
	// files of that version or later owe nothing.
	CollectedSince string
	// Iterated marks rows iterated with Next, which closes them when it
	// returns false; Err then says whether the iteration ended early.
	Iterated bool
	// Transaction marks a transaction, finished by Commit or Rollback (a
	// Rollback after Commit does nothing): resourceclose reports it as
	// tx-unfinished.
	Transaction bool
	// NoFix marks a kind whose release takes arguments a suggested fix
	// cannot know (pgx's Rollback(ctx)): Fix is for messages only.
	NoFix bool
	// ClosedOnError lists methods of the resource that release it when
	// they fail: on the path where their error is not nil, nothing is
	// owed.
	ClosedOnError []string
	// Builder names the pointer type of a resource built by a chain of
	// its own methods (zerolog's *Event): those methods only borrow it,
	// whatever their bodies do with it, and the ones returning that type
	// return the resource itself, until one of Release ends the chain.
	Builder *TypeName
	// OwedAtExit marks a kind that the end of the process does not
	// settle: main owes it too (an unsent log event writes nothing).
	OwedAtExit bool
	// Guards lists methods of the resource whose false result means it
	// owes nothing (a disabled zerolog event is nil: Enabled is false).
	Guards []string
}

// TypeName is a named type by package path and name.
type TypeName struct{ Pkg, Name string }

// isBuilder reports whether t is a pointer to k's Builder type.
func (k *Kind) isBuilder(t types.Type) bool {
	return k != nil && k.Builder != nil && typematch.PointerTo(t, k.Builder.Pkg, k.Builder.Name)
}

// releases reports whether method name releases a resource of kind k.
func (k *Kind) releases(name string) bool {
	for _, r := range k.Release {
		if r == name {
			return true
		}
	}
	return false
}

// builderKind returns the built-in kind whose Builder type t points to,
// or nil: what a summary (which tracks no kind) knows of a chain's
// methods.
func builderKind(t types.Type) *Kind {
	for _, k := range Kinds {
		if k.isBuilder(t) {
			return k
		}
	}
	return nil
}

// closedOnError reports whether a failing call of method name releases
// a resource of kind k.
func (k *Kind) closedOnError(name string) bool {
	for _, m := range k.ClosedOnError {
		if m == name {
			return true
		}
	}
	return false
}

// The built-in kinds.
var (
	KindFile     = &Kind{Name: "file", Family: "resourceclose", Release: []string{"Close"}, Fix: "%s.Close()"}
	KindConn     = &Kind{Name: "connection", Family: "resourceclose", Release: []string{"Close"}, Fix: "%s.Close()"}
	KindListener = &Kind{Name: "listener", Family: "resourceclose", Release: []string{"Close"}, Fix: "%s.Close()"}
	KindRows     = &Kind{Name: "sql.Rows", Family: "resourceclose", Release: []string{"Close"}, Fix: "%s.Close()", Iterated: true}
	KindStmt     = &Kind{Name: "sql.Stmt", Family: "resourceclose", Release: []string{"Close"}, Fix: "%s.Close()"}
	KindSQLConn  = &Kind{Name: "sql.Conn", Family: "resourceclose", Release: []string{"Close"}, Fix: "%s.Close()"}
	KindDB       = &Kind{Name: "sql.DB", Family: "resourceclose", Release: []string{"Close"}, Fix: "%s.Close()"}
	KindTx       = &Kind{Name: "sql.Tx", Family: "resourceclose", Release: []string{"Commit", "Rollback"}, Fix: "%s.Rollback()", Transaction: true}
	KindZip      = &Kind{Name: "zip reader", Family: "resourceclose", Release: []string{"Close"}, Fix: "%s.Close()"}
	KindCancel   = &Kind{Name: "cancel func", Family: "resourceclose", CallReleases: true, Fix: "%s()"}
	KindCmd      = &Kind{Name: "started command", Family: "resourceclose", Release: []string{"Wait"}, Fix: "%s.Wait()"}
	KindTicker   = &Kind{Name: "ticker", Family: "resourceclose", Release: []string{"Stop"}, Fix: "%s.Stop()", CollectedSince: "go1.23"}
	KindTimer    = &Kind{Name: "timer", Family: "resourceclose", Release: []string{"Stop"}, Fix: "%s.Stop()", CollectedSince: "go1.23"}
	// pgx's rows hold their connection until closed: by Close, by Next
	// returning false, by a failing Scan ("Rows is automatically closed
	// upon error", pgx documents; Values fails the same way in v4 and v5),
	// or by the pgx helpers that consume them, whose summaries say so. A
	// connection acquired from a pgxpool.Pool goes back with Release, or
	// leaves the pool with Hijack.
	KindPgxRows = &Kind{Name: "pgx.Rows", Family: "resourceclose", Release: []string{"Close"}, Fix: "%s.Close()",
		Iterated: true, ClosedOnError: []string{"Scan", "Values"}}
	KindPgxPoolConn = &Kind{Name: "pgxpool.Conn", Family: "resourceclose", Release: []string{"Release", "Hijack"}, Fix: "%s.Release()"}
	// A pgx transaction holds its connection (a pooled one from
	// pgxpool's Begin) and its locks until Commit or Rollback.
	KindPgxTx = &Kind{Name: "pgx.Tx", Family: "resourceclose", Release: []string{"Commit", "Rollback"}, Fix: "%s.Rollback(ctx)",
		Transaction: true, NoFix: true}
	// The results of a batch hold the connection until closed: "Close
	// must be called before the underlying connection can be used again".
	KindPgxBatch = &Kind{Name: "pgx.BatchResults", Family: "resourceclose", Release: []string{"Close"}, Fix: "%s.Close()"}
	// An httptest server runs a serving goroutine on a listener of its
	// own until Close: a test that does not close it leaks both, and
	// goleak reports the test (started or not: NewUnstartedServer opens
	// the listener already).
	KindTestServer = &Kind{Name: "httptest server", Family: "resourceclose", Release: []string{"Close"}, Fix: "%s.Close()"}
	// A zerolog event writes nothing until Msg, Msgf, MsgFunc or Send
	// ends its chain ("if you forget to add either of these, the log will
	// not occur and there is no compile time error", zerolog's README);
	// Discard drops it on purpose. errorlog reports it (log-not-sent).
	KindZerologEvent = &Kind{Name: "zerolog event", Family: "errorlog", Release: []string{"Msg", "Msgf", "MsgFunc", "Send", "Discard"},
		Fix: "%s.Send()", NoFix: true, Builder: &TypeName{"github.com/rs/zerolog", "Event"}, Guards: []string{"Enabled"}, OwedAtExit: true}
	// KindResponse is released by closing its Body (see ownedFields).
	KindResponse = &Kind{Name: "response", Family: "httpbody", Release: []string{"Close"}, Fix: "%s.Body.Close()"}
)

// Receiver is the result index of constructors that make their receiver
// the resource: (*exec.Cmd).Start obliges the caller to Wait.
const Receiver = -1

// Kinds lists the built-in kinds, for facts that name a kind.
var Kinds = []*Kind{KindFile, KindConn, KindListener, KindRows, KindStmt, KindSQLConn, KindDB, KindTx, KindZip, KindCancel, KindCmd, KindTicker, KindTimer, KindPgxRows, KindPgxPoolConn, KindPgxBatch, KindPgxTx, KindTestServer, KindZerologEvent, KindResponse}

// KindNamed finds a kind by Name.
func KindNamed(name string) *Kind {
	for _, k := range Kinds {
		if k.Name == name {
			return k
		}
	}
	return nil
}

// constructor is a call that acquires a resource in one of its results.
// Functions are matched by package path and name, methods also by the name
// of their receiver's named type (pointer or not, interface or concrete).
type constructor struct {
	pkg, recv, name string
	result          int
	kind            *Kind
}

var constructors = buildConstructors()

func buildConstructors() map[string][]constructor {
	var cs []constructor
	add := func(pkg, recv string, names string, result int, k *Kind) {
		for _, n := range strings.Fields(names) {
			cs = append(cs, constructor{pkg, recv, n, result, k})
		}
	}
	add("os", "", "Open Create OpenFile CreateTemp NewFile OpenInRoot", 0, KindFile)
	add("os", "", "Pipe", 0, KindFile)
	add("os", "", "Pipe", 1, KindFile)
	add("os", "Root", "Open Create OpenFile", 0, KindFile)
	add("os", "", "OpenRoot", 0, KindFile)
	add("net", "", "Dial DialTimeout DialTCP DialUDP DialUnix DialIP FileConn", 0, KindConn)
	add("net", "Dialer", "Dial DialContext", 0, KindConn)
	add("net", "", "Listen ListenTCP ListenUnix FileListener", 0, KindListener)
	add("net", "", "ListenPacket ListenUDP ListenUnixgram ListenIP ListenMulticastUDP", 0, KindConn)
	add("net", "ListenConfig", "Listen", 0, KindListener)
	add("net", "ListenConfig", "ListenPacket", 0, KindConn)
	add("net", "Listener", "Accept", 0, KindConn)
	add("net", "TCPListener", "Accept AcceptTCP", 0, KindConn)
	add("net", "UnixListener", "Accept AcceptUnix", 0, KindConn)
	add("crypto/tls", "", "Dial DialWithDialer", 0, KindConn)
	add("crypto/tls", "Dialer", "Dial DialContext", 0, KindConn)
	add("crypto/tls", "", "Listen", 0, KindListener)
	add("database/sql", "", "Open OpenDB", 0, KindDB)
	add("database/sql", "DB", "Query QueryContext", 0, KindRows)
	add("database/sql", "Tx", "Query QueryContext", 0, KindRows)
	add("database/sql", "Conn", "QueryContext", 0, KindRows)
	add("database/sql", "Stmt", "Query QueryContext", 0, KindRows)
	add("database/sql", "DB", "Prepare PrepareContext", 0, KindStmt)
	// Statements prepared on a transaction are closed by its Commit or
	// Rollback (database/sql documents it): they are not the caller's.
	add("database/sql", "Conn", "PrepareContext", 0, KindStmt)
	add("database/sql", "DB", "Conn", 0, KindSQLConn)
	add("database/sql", "DB", "Begin BeginTx", 0, KindTx)
	add("database/sql", "Conn", "BeginTx", 0, KindTx)
	// github.com/jackc/pgx: Query on a connection, a pool, a pooled
	// connection or a transaction (pgx.Tx is an interface, pgxpool.Tx a
	// struct) returns rows, SendBatch a batch's results; QueryRow's Row
	// closes itself in Scan.
	for _, v := range []string{"github.com/jackc/pgx/v4", "github.com/jackc/pgx/v5"} {
		add(v, "Conn", "Query", 0, KindPgxRows)
		add(v, "Tx", "Query", 0, KindPgxRows)
		add(v+"/pgxpool", "Pool", "Query", 0, KindPgxRows)
		add(v+"/pgxpool", "Conn", "Query", 0, KindPgxRows)
		add(v+"/pgxpool", "Tx", "Query", 0, KindPgxRows)
		add(v+"/pgxpool", "Pool", "Acquire", 0, KindPgxPoolConn)
		add(v, "Conn", "Begin BeginTx", 0, KindPgxTx)
		add(v, "Tx", "Begin", 0, KindPgxTx) // a savepoint
		add(v+"/pgxpool", "Pool", "Begin BeginTx", 0, KindPgxTx)
		add(v+"/pgxpool", "Conn", "Begin BeginTx", 0, KindPgxTx)
		add(v+"/pgxpool", "Tx", "Begin", 0, KindPgxTx)
		add(v, "Conn", "SendBatch", 0, KindPgxBatch)
		add(v, "Tx", "SendBatch", 0, KindPgxBatch)
		add(v+"/pgxpool", "Pool", "SendBatch", 0, KindPgxBatch)
		add(v+"/pgxpool", "Conn", "SendBatch", 0, KindPgxBatch)
		add(v+"/pgxpool", "Tx", "SendBatch", 0, KindPgxBatch)
	}
	add("archive/zip", "", "OpenReader", 0, KindZip)
	add("archive/zip", "File", "Open", 0, KindZip)
	add("os/exec", "Cmd", "Start", Receiver, KindCmd)
	add("net/http/httptest", "", "NewServer NewTLSServer NewUnstartedServer", 0, KindTestServer)
	// zerolog's level methods start an event, on a Logger or through the
	// global logger of its log package.
	add("github.com/rs/zerolog", "Logger", "Trace Debug Info Warn Error Err Fatal Panic WithLevel Log", 0, KindZerologEvent)
	add("github.com/rs/zerolog/log", "", "Trace Debug Info Warn Error Err Fatal Panic WithLevel Log", 0, KindZerologEvent)
	add("time", "", "NewTicker", 0, KindTicker)
	add("time", "", "NewTimer", 0, KindTimer)
	// http.ReadResponse is left out: its body reads from a connection the
	// caller owns and closes (a CONNECT tunnel, say).
	add("net/http", "", "Get Post PostForm Head", 0, KindResponse)
	add("net/http", "Client", "Do Get Post PostForm Head", 0, KindResponse)
	add("net/http", "RoundTripper", "RoundTrip", 0, KindResponse)
	add("net/http", "Transport", "RoundTrip", 0, KindResponse)
	add("context", "", "WithCancel WithTimeout WithDeadline WithCancelCause WithTimeoutCause WithDeadlineCause", 1, KindCancel)
	m := map[string][]constructor{}
	for _, c := range cs {
		m[c.name] = append(m[c.name], c)
	}
	return m
}

// builtinAcquisition matches a call against the constructor table; it
// returns the kind and result index, or nil.
func builtinAcquisition(obj *types.Func) []constructor {
	if obj == nil || obj.Pkg() == nil {
		return nil
	}
	var out []constructor
	for _, c := range constructors[obj.Name()] {
		if c.pkg == obj.Pkg().Path() && c.recv == flow.RecvName(obj) {
			out = append(out, c)
		}
	}
	return out
}

// isTx reports whether t is a transaction: *database/sql.Tx, pgx's Tx
// interface or *pgxpool.Tx (v4 or v5).
func isTx(t types.Type) bool {
	if typematch.NamedOrPointer(t, "database/sql", "Tx") {
		return true
	}
	for _, v := range []string{"github.com/jackc/pgx/v4", "github.com/jackc/pgx/v5"} {
		if typematch.Named(t, v, "Tx") || typematch.PointerTo(t, v+"/pgxpool", "Tx") {
			return true
		}
	}
	return false
}

// ownedFields are fields through which a value's resource is released:
// closing resp.Body releases the *http.Response. Loads of these fields are
// the resource too.
var ownedFields = []struct{ pkg, typ, field string }{
	{"net/http", "Response", "Body"},
}

// ownedField returns the name of t's owned field, or "".
func ownedField(t types.Type) string {
	for _, f := range ownedFields {
		if typematch.NamedOrPointer(t, f.pkg, f.typ) {
			return f.field
		}
	}
	return ""
}
