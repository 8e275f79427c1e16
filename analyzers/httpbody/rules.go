package httpbody

import "github.com/reviewlint/reviewlint/analyzers/internal/meta/catalog"

// Rules lists the rules this analyzer reports. Each rule's Default is what
// its measured evidence on the bench/ corpus decides (catalog.Evidence).
var Rules = []catalog.Rule{
	{
		ID:    RuleUnclosed,
		Title: "an HTTP response whose body is not closed on some path",
		Text: `The body of every *http.Response a client receives must be closed, on every
path, or the connection (and the goroutines serving it) leaks and cannot be
reused. Closing only on the success path is the usual bug: an early return on
a bad status code skips the Close. On the path where Do/Get returned an error
nothing is owed (net/http closes the body itself, even when CheckRedirect
fails). Ownership moves like for any resource: a response returned to the
caller, stored, or passed to a function that closes its body (that function's
summary says so, across packages) is not reported. A response from an
interface method that takes the request and returns (*http.Response, error)
(a Doer seam) is owed a close like one from Do. Fix: defer
resp.Body.Close() right after the error check.`,
		Bad: `resp, err := client.Do(req)
if err != nil {
	return err
}
if resp.StatusCode != http.StatusOK {
	return fmt.Errorf("status %s", resp.Status)
}
defer resp.Body.Close()`,
		Good: `resp, err := client.Do(req)
if err != nil {
	return err
}
defer resp.Body.Close()
if resp.StatusCode != http.StatusOK {
	return fmt.Errorf("status %s", resp.Status)
}`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleStatusUnchecked,
		Title: "an HTTP response body read on a path that never checks the status",
		Text: `A server answers errors with a status code and an error page (HTML from a
proxy, a JSON error object, an empty body). Decoding that body as if the call
succeeded turns a 503 into a confusing "invalid character '<'" error, or worse
into a zero value that looks valid. Reading the body first and checking the
status afterwards (to put the error page into the error) is fine: a path is
reported only when it reads the body and returns without any look at
StatusCode or Status; printing the status (log.Printf("%d", resp.StatusCode))
is not a look. Handing the response to a helper counts as a check,
unless the helper's summary (across packages) says it reads the body and
never looks at the status: a client type's parse(resp, &out) method that
decodes whatever came back is a read in its caller.
Responses come from net/http, or from a wrapper of the package that returns
net/http's response untouched (it builds the request and returns Do's
result): such a wrapper never looked at the status, so its caller must.`,
		Bad: `resp, err := client.Do(req)
if err != nil {
	return err
}
defer resp.Body.Close()
return json.NewDecoder(resp.Body).Decode(&out)`,
		Good: `resp, err := client.Do(req)
if err != nil {
	return err
}
defer resp.Body.Close()
if resp.StatusCode != http.StatusOK {
	return fmt.Errorf("GET %s: %s", req.URL, resp.Status)
}
return json.NewDecoder(resp.Body).Decode(&out)`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleNoTimeout,
		Title: "an HTTP request that can hang forever: no client timeout and no context",
		Text: `http.DefaultClient (behind http.Get, http.Post, http.Head, http.PostForm) and
an http.Client built without Timeout never give up on a server that accepts
the connection and stops answering: the calling goroutine, and whatever it
holds, hangs forever. Set Client.Timeout, or give every request a context
with a deadline. http.NewRequest in a function that has a context.Context
drops that context: the request is neither cancelled with the caller nor
bounded by its deadline; use http.NewRequestWithContext. Clients with a
custom Transport are left alone (the transport may carry deadlines), and so
are test files, and http.DefaultClient.Do on a request whose context has a
deadline (context.WithTimeout or WithDeadline, possibly derived further),
and a client a constructor returns that a caller in the package then gives
a Timeout or Transport. A package-level client is reported where it is built when it
is unexported and no function of the package sets its Timeout or Transport
or replaces it (an exported one may be configured by its importers).`,
		Bad: `func fetch(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}`,
		Good: `var client = &http.Client{Timeout: 10 * time.Second}

func fetch(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleUnboundedRead,
		Title: "a handler reads the request body into memory without a size limit",
		Text: `A handler that reads r.Body to the end (io.ReadAll, json.NewDecoder(r.Body),
a bytes.Buffer, or a helper of the project that does one of these: its
summary says so, across packages) with no bound lets one client send a body
of any size and exhaust the server's memory. Bound the body first with
r.Body = http.MaxBytesReader(w, r.Body, limit), or read through
io.LimitReader. Trust follows the route, not the package: a handler is
not reported when every route to it bounds the body first — it is
registered (directly, or on a router that is) behind http.MaxBytesHandler or
a middleware whose closure assigns http.MaxBytesReader to r.Body before
calling the next handler (a project's own one counts, across packages), or
every caller assigns r.Body = http.MaxBytesReader before calling it. A
handler beside a bounded one, or whose routes are out of sight, is still
checked; so is a handler that assigns r.Body itself. Test files are not
checked.`,
		Bad: `func create(w http.ResponseWriter, r *http.Request) {
	var item Item
	if err := json.NewDecoder(r.Body).Decode(&item); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	store(item)
}`,
		Good: `func create(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	var item Item
	if err := json.NewDecoder(r.Body).Decode(&item); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	store(item)
}`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleWriteAfterError,
		Title: "a handler writes an error response and then goes on writing",
		Text: `http.Error (or http.NotFound) writes a complete error response, but it does
not stop the handler. Without a return after it, the handler goes on to
write the success response too: the client receives the error text with
the success body glued to it, and net/http logs "superfluous
response.WriteHeader call". A path is reported only when, after the error,
it reaches another write to the same ResponseWriter (w.Write, WriteHeader,
fmt.Fprint, an encoder or template on w, or a helper whose summary says it
writes to its writer) before any return. After w.WriteHeader(>= 400) only
a second status line counts, since an error body may follow. Fix: return
right after the error.`,
		Bad: `if err != nil {
	http.Error(w, err.Error(), http.StatusInternalServerError)
}
json.NewEncoder(w).Encode(result)`,
		Good: `if err != nil {
	http.Error(w, err.Error(), http.StatusInternalServerError)
	return
}
json.NewEncoder(w).Encode(result)`,
		Severity: catalog.Error,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleUndrained,
		Title: "a response body closed unread inside a loop, so its connection is not reused",
		Text: `net/http returns a connection to the pool only when the response body was
read to EOF and closed. A loop that sends requests (a retry, a poll, a crawl)
and closes a body without reading it (an error status skipped, a health
check that only looks at the status) makes every iteration dial a new
connection: TLS handshakes, ephemeral ports in TIME_WAIT, load on the
server. A path is reported only when nothing read the body before the
direct Body.Close(): any read, drain, decode, or hand-off of the body or the
response counts, and HEAD responses have no body. Fix: drain it first with
io.Copy(io.Discard, resp.Body) (bounded with io.LimitReader if the server may
send a lot).`,
		Bad: `for attempt := 0; attempt < 3; attempt++ {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 500 {
		resp.Body.Close()
		continue
	}
	...
}`,
		Good: `for attempt := 0; attempt < 3; attempt++ {
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 500 {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		continue
	}
	...
}`,
		Severity: catalog.Info,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleDeferBeforeCheck,
		Title: "defer resp.Body.Close() before the request's error is checked",
		Text: `When Do, Get or Post fails, the response is nil. A defer statement
evaluates its receiver at once: "defer resp.Body.Close()" placed before
"if err != nil" loads resp.Body from a nil pointer and the function panics
instead of returning the error, typically when the network is down, which
is when the error matters. A deferred closure that closes resp.Body without
testing resp for nil panics the same way on return. Deferring after the
error check is the fix (offered when the check is the next statement); a
deferred closure that tests resp != nil first, or a helper handed the
response, is fine. staticcheck's SA5001 reports the same shape for any
resource; this rule covers responses, closures included, with the fix.`,
		Bad: `resp, err := client.Do(req)
defer resp.Body.Close()
if err != nil {
	return err
}`,
		Good: `resp, err := client.Do(req)
if err != nil {
	return err
}
defer resp.Body.Close()`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.2.0",
	},
	{
		ID:    RuleServerNoTimeout,
		Title: "an HTTP server that never times out reading request headers (slowloris)",
		Text: `An http.Server without ReadHeaderTimeout (or ReadTimeout) waits forever for
a client to finish its request headers. A client that opens connections and
sends a header byte now and then (slowloris) holds a connection, a
goroutine and a file descriptor each, until the server runs out of them.
http.ListenAndServe, ListenAndServeTLS, Serve and ServeTLS serve with a zero
http.Server, which has no timeouts at all. Fix: build an http.Server and
set ReadHeaderTimeout (a few seconds; it leaves long request bodies,
streaming responses, websockets and h2c streams alone, which ReadTimeout
would not). The server is followed through SSA, not matched by its
literal: a timeout set after the literal, through the field or variable it
is kept in, by a helper of the package, by a caller of the constructor that
returned it, or from a flag or a config value counts as set; a server
handed to code out of sight (another package's function, a function value,
an interface, a slice or map, an exported field or variable, or returned
by an exported function) may be configured there and is not reported; nor
is one never served in the package. Servers that accept connections from
this machine only are left alone: a constant loopback address
("localhost:6060", "127.0.0.1:8080") or a listener on a unix socket. Test
files are not checked. gosec's G112 reports server literals without
ReadHeaderTimeout by their spelling; this rule reports served servers
whose timeouts are set nowhere.`,
		Bad: `srv := &http.Server{Addr: ":8080", Handler: mux}
return srv.ListenAndServe()`,
		Good: `srv := &http.Server{
	Addr:              ":8080",
	Handler:           mux,
	ReadHeaderTimeout: 10 * time.Second,
}
return srv.ListenAndServe()`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.2.0",
	},
	{
		ID:    RulePprofExposed,
		Title: "net/http/pprof's handlers served to the network on the default mux",
		Text: `Importing net/http/pprof (blank or not, in the program's own package or in
any package it imports) registers /debug/pprof/ on http.DefaultServeMux
in the package's init. A server that serves the default mux (a nil
handler, or http.DefaultServeMux) on an address open beyond the machine
then hands heap dumps (with whatever secrets are in memory), goroutine
stacks, and CPU profiling on demand to anyone who reaches the port. The
rule reports such a serving call when its address is a constant that is
not a loopback one: ":6060", "0.0.0.0:9115", or a server with no Addr
(":http"). An address from a flag or a configuration is the operator's
choice, unknown here, and not reported. Fix: give the public server a
mux of its own, and serve the profiler on its own server bound to
localhost (or a unix socket).`,
		Bad: `import _ "net/http/pprof"

func main() {
	http.HandleFunc("/metrics", metrics)
	log.Fatal(http.ListenAndServe(":9100", nil))
}`,
		Good: `import "net/http/pprof"

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/metrics", metrics)
	go http.ListenAndServe("localhost:6060", nil) // pprof, local only
	srv := &http.Server{Addr: ":9100", Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	log.Fatal(srv.ListenAndServe())
}`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.2.0",
	},
}
