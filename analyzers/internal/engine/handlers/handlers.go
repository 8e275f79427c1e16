// Package handlers is the shared reasoning about HTTP code: what a
// function does with the request it is handed (reads its body into memory
// with no bound), with a ResponseWriter (writes to it), with a handler
// (bounds its body), with a router (only adds routes) and with a client's
// *http.Response (reads its body, looks at its status), summarised as
// facts so that a project's own helpers count, across packages; and
// whether a handler's routes bound its body. It reports nothing;
// httpbody's unbounded-read, write-after-error, status-unchecked and
// undrained rules ask it.
package handlers

import (
	"fmt"
	"go/types"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/facttable"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/crash"
)

// Handling is what a function does on some path with the requests,
// readers, writers, handlers, routers and responses it takes, exported in
// the package's fact table. It lets httpbody's rules see through a
// project's own helpers, in this package and in the packages it imports
// (decodeJSON(r, &v), writeJSON(w, v), parse(resp, &out)).
type Handling struct {
	// ReadsAll lists the parameters (receiver first) read into memory
	// without a bound: an *http.Request whose Body, or a reader that,
	// reaches io.ReadAll, a json/xml decoder or a bytes.Buffer.
	ReadsAll []int
	// Writes lists the io.Writer-like parameters written to.
	Writes []int
	// Bounds lists the handler parameters whose request bodies the
	// function bounds before they are served: a middleware that wraps them
	// in http.MaxBytesHandler or sets r.Body = http.MaxBytesReader before
	// calling them.
	Bounds []int
	// Registers lists the router parameters the function only adds
	// routes to (calls methods on) and hands to no one.
	Registers []int
	// ReadsResponse lists the *http.Response parameters whose body the
	// function reads (decodes, copies into memory) on some path.
	ReadsResponse []int
	// ChecksStatus lists the *http.Response parameters whose StatusCode or
	// Status the function may look at (reads, or hands to code that might).
	ChecksStatus []int
}

func (*Handling) AFact() {}

func (h *Handling) String() string {
	return fmt.Sprintf("handling(readsAll=%v, writes=%v, bounds=%v, registers=%v, readsResponse=%v, checksStatus=%v)", h.ReadsAll, h.Writes, h.Bounds, h.Registers, h.ReadsResponse, h.ChecksStatus)
}

// unboundedSinks are the calls that read their reader argument (by index,
// receiver first) into memory until EOF.
var unboundedSinks = map[string]int{
	"io.ReadAll":               0,
	"io/ioutil.ReadAll":        0,
	"encoding/json.NewDecoder": 0,
	"encoding/xml.NewDecoder":  0,
	"(*bytes.Buffer).ReadFrom": 1,
}

// errorResponses write an error response to their writer argument (by
// index).
var errorResponses = map[string]int{"net/http.Error": 0, "net/http.NotFound": 0}

// copyFuncs copy their source (argument 1) into their destination
// (argument 0): unbounded when the destination is memory.
var copyFuncs = map[string]bool{"io.Copy": true, "io.CopyBuffer": true}

// responseWrites are the calls that write to their writer argument (by
// index, receiver first) and that facts cannot see through, because they
// keep the writer for later (encoders) or are methods of another type.
var responseWrites = map[string]int{
	"encoding/json.NewEncoder":                  0,
	"encoding/xml.NewEncoder":                   0,
	"(*html/template.Template).Execute":         1,
	"(*html/template.Template).ExecuteTemplate": 1,
	"(*text/template.Template).Execute":         1,
	"(*text/template.Template).ExecuteTemplate": 1,
}

// Analyzer computes the Handling facts of the package's functions.
var Analyzer = crash.Guard(&analysis.Analyzer{
	Name:       "handlers",
	Doc:        "summarises what functions do with HTTP requests and response writers (reports nothing)",
	Run:        run,
	Requires:   []*analysis.Analyzer{buildssa.Analyzer},
	ResultType: reflect.TypeOf((*Result)(nil)),
	FactTypes:  []analysis.Fact{(*packageHandlings)(nil)},
})

// packageHandlings is the package fact that carries a package's Handlings.
type packageHandlings struct{ facttable.Table[Handling] }

// AFact implements analysis.Fact.
func (*packageHandlings) AFact() {}

func newPackageHandlings() *packageHandlings { return new(packageHandlings) }

func run(pass *analysis.Pass) (any, error) {
	fns := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs
	h := newHandlings(pass)
	h.exportFacts(fns)
	if err := h.facts.Flush(); err != nil {
		return nil, err
	}
	return &Result{h: h, fns: fns}, nil
}

// Result answers questions about the package's handlers and responses.
type Result struct {
	h      *handlings
	fns    []*ssa.Function
	routes *routes // built on first use
}

// BoundedRoutes reports whether every route to handler fn bounds its
// request body before fn runs (see routes.go); false when one does not,
// or when its routes are not all in this package.
func (r *Result) BoundedRoutes(fn *ssa.Function) bool {
	if r.routes == nil {
		r.routes = newRoutes(r.h, r.fns)
	}
	return r.routes.bounded(fn)
}

// UnboundedReads returns the calls of fn that read request parameter p's
// body into memory without a bound (directly or through a helper whose
// facts say so). A function that assigns p.Body manages it itself.
func (r *Result) UnboundedReads(fn *ssa.Function, p *ssa.Parameter) []*ssa.Call {
	return r.h.unboundedReads(fn, p)
}

// handlings computes the Handling of the package's functions on demand,
// memoised, and reads imported ones from facts.
type handlings struct {
	pass       *analysis.Pass
	done       map[*ssa.Function]*Handling
	inProgress map[*ssa.Function]bool
	facts      *facttable.Set[Handling, *packageHandlings]
}

func newHandlings(pass *analysis.Pass) *handlings {
	return &handlings{
		pass: pass, done: map[*ssa.Function]*Handling{}, inProgress: map[*ssa.Function]bool{},
		facts: facttable.New[Handling](pass, newPackageHandlings),
	}
}

// exportFacts computes and exports the Handling of every function that
// has one.
func (h *handlings) exportFacts(fns []*ssa.Function) {
	for _, fn := range fns {
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj.Pkg() != h.pass.Pkg {
			continue
		}
		if hd := h.of(fn); hd != nil && (len(hd.ReadsAll) > 0 || len(hd.Writes) > 0 || len(hd.Bounds) > 0 || len(hd.Registers) > 0 || len(hd.ReadsResponse) > 0 || len(hd.ChecksStatus) > 0) {
			h.facts.Export(obj, hd)
		}
	}
}

// of returns what fn does with its parameters; nil when unknown.
func (h *handlings) of(fn *ssa.Function) *Handling {
	if origin := fn.Origin(); origin != nil {
		fn = origin
	}
	if hd, ok := h.done[fn]; ok {
		return hd
	}
	if len(fn.Blocks) == 0 {
		var hd *Handling
		if obj, ok := fn.Object().(*types.Func); ok {
			if f, ok := h.facts.Import(obj); ok {
				hd = &f
			}
		}
		h.done[fn] = hd
		return hd
	}
	if h.inProgress[fn] {
		return nil // recursion adds nothing the rest of the body does not do
	}
	h.inProgress[fn] = true
	hd := &Handling{}
	for i, p := range fn.Params {
		if h.readsAll(fn, p) {
			hd.ReadsAll = append(hd.ReadsAll, i)
		}
		if isWriter(p.Type()) && len(h.writes(p, false)) > 0 {
			hd.Writes = append(hd.Writes, i)
		}
		if h.boundsParam(fn, p) {
			hd.Bounds = append(hd.Bounds, i)
		}
		if h.onlyRegisters(p) {
			hd.Registers = append(hd.Registers, i)
		}
		if reads, checks := h.responseUse(p); reads || checks {
			if reads {
				hd.ReadsResponse = append(hd.ReadsResponse, i)
			}
			if checks {
				hd.ChecksStatus = append(hd.ChecksStatus, i)
			}
		}
	}
	delete(h.inProgress, fn)
	h.done[fn] = hd
	return hd
}

// readsAll reports whether fn reads parameter p into memory without a
// bound on some path.
func (h *handlings) readsAll(fn *ssa.Function, p *ssa.Parameter) bool {
	return len(h.unboundedReads(fn, p)) > 0
}

// unboundedReads returns the calls that read p (an *http.Request's Body,
// or a reader) into memory without a bound. A function that assigns the
// request's Body (r.Body = http.MaxBytesReader(...)) manages it itself.
func (h *handlings) unboundedReads(fn *ssa.Function, p *ssa.Parameter) []*ssa.Call {
	var sources []ssa.Value
	switch {
	case typematch.PointerTo(p.Type(), "net/http", "Request"):
		if assignsBody(fn, p) {
			return nil
		}
		sources = bodyLoads(p)
	case isReader(p.Type()):
		sources = []ssa.Value{p}
	default:
		return nil
	}
	var out []*ssa.Call
	for _, src := range sources {
		for _, call := range callsTaking(src) {
			if h.readsArgAll(call, src) {
				out = append(out, call)
			}
		}
	}
	// Passing the request itself to a helper that reads its body; a
	// sub-handler reports its own reads.
	if typematch.PointerTo(p.Type(), "net/http", "Request") {
		for _, call := range callsTaking(p) {
			if h.readsArgAll(call, p) && !callsHandler(call) {
				out = append(out, call)
			}
		}
	}
	return out
}

// callsHandler reports whether call calls a function with a handler's
// parameters (a sub-handler of a dispatcher).
func callsHandler(call *ssa.Call) bool {
	callee := call.Common().StaticCallee()
	return callee != nil && handlerParams(callee.Signature)
}

// readsArgAll reports whether call reads its argument v into memory
// without a bound.
func (h *handlings) readsArgAll(call *ssa.Call, v ssa.Value) bool {
	c := call.Common()
	callee := c.StaticCallee()
	if callee == nil {
		return false
	}
	args := c.Args
	name := FuncName(callee)
	if i, ok := unboundedSinks[name]; ok {
		return i < len(args) && flowsFrom(args[i], v)
	}
	if copyFuncs[name] {
		return len(args) > 1 && flowsFrom(args[1], v) && isMemory(args[0])
	}
	hd := h.of(callee)
	return hd != nil && slices.ContainsFunc(hd.ReadsAll, func(i int) bool { return i < len(args) && flowsFrom(args[i], v) })
}

// writes returns the calls that write to the writer w; with headerOnly,
// just those that write a status line (a second response).
func (h *handlings) writes(w ssa.Value, headerOnly bool) []*ssa.Call {
	var out []*ssa.Call
	for _, call := range callsTaking(w) {
		if h.writesTo(call, w, headerOnly) {
			out = append(out, call)
		}
	}
	return out
}

// writesTo reports whether call writes to w.
func (h *handlings) writesTo(call *ssa.Call, w ssa.Value, headerOnly bool) bool {
	c := call.Common()
	if c.IsInvoke() {
		if !flowsFrom(c.Value, w) {
			return false
		}
		return c.Method.Name() == "WriteHeader" || !headerOnly && c.Method.Name() == "Write"
	}
	callee := c.StaticCallee()
	if callee == nil {
		return false
	}
	name := FuncName(callee)
	if _, ok := errorResponses[name]; ok || name == "net/http.Redirect" {
		return len(c.Args) > 0 && flowsFrom(c.Args[0], w)
	}
	if headerOnly {
		return false
	}
	if i, ok := responseWrites[name]; ok {
		return i < len(c.Args) && flowsFrom(c.Args[i], w)
	}
	hd := h.of(callee)
	return hd != nil && slices.ContainsFunc(hd.Writes, func(i int) bool { return i < len(c.Args) && flowsFrom(c.Args[i], w) })
}

// bodyLoads returns the loads of req.Body.
func bodyLoads(req ssa.Value) []ssa.Value {
	var out []ssa.Value
	for _, u := range *req.Referrers() {
		fa, ok := u.(*ssa.FieldAddr)
		if !ok || typematch.FieldName(fa.X.Type(), fa.Field) != "Body" {
			continue
		}
		for _, l := range *fa.Referrers() {
			if load, ok := l.(*ssa.UnOp); ok {
				out = append(out, load)
			}
		}
	}
	return out
}

// assignsBody reports whether fn stores into req.Body.
func assignsBody(fn *ssa.Function, req ssa.Value) bool {
	for _, u := range *req.Referrers() {
		fa, ok := u.(*ssa.FieldAddr)
		if !ok || typematch.FieldName(fa.X.Type(), fa.Field) != "Body" {
			continue
		}
		for _, s := range *fa.Referrers() {
			if st, ok := s.(*ssa.Store); ok && st.Addr == fa {
				return true
			}
		}
	}
	return false
}

// callsTaking returns the calls that take v, or a conversion of it, as an
// argument or as the receiver of an interface method.
func callsTaking(v ssa.Value) []*ssa.Call {
	var out []*ssa.Call
	seen := map[ssa.Value]bool{}
	var visit func(v ssa.Value)
	visit = func(v ssa.Value) {
		if seen[v] || v.Referrers() == nil {
			return
		}
		seen[v] = true
		for _, u := range *v.Referrers() {
			switch u := u.(type) {
			case *ssa.Call:
				out = append(out, u)
			case *ssa.MakeInterface:
				visit(u)
			case *ssa.ChangeInterface:
				visit(u)
			case *ssa.ChangeType:
				visit(u)
			}
		}
	}
	visit(v)
	return out
}

// flowsFrom reports whether arg is v or a conversion of it.
func flowsFrom(arg, v ssa.Value) bool {
	for {
		if arg == v {
			return true
		}
		switch a := arg.(type) {
		case *ssa.MakeInterface:
			arg = a.X
		case *ssa.ChangeInterface:
			arg = a.X
		case *ssa.ChangeType:
			arg = a.X
		default:
			return false
		}
	}
}

// isMemory reports whether the copy destination dst keeps everything in
// memory.
func isMemory(dst ssa.Value) bool {
	for {
		switch d := dst.(type) {
		case *ssa.MakeInterface:
			dst = d.X
		case *ssa.ChangeInterface:
			dst = d.X
		default:
			return typematch.PointerTo(dst.Type(), "bytes", "Buffer") || typematch.PointerTo(dst.Type(), "strings", "Builder")
		}
	}
}

// isReader reports whether t is an interface with a Read method.
func isReader(t types.Type) bool {
	return isInterfaceWith(t, "Read")
}

// isWriter reports whether t is an interface with a Write method
// (io.Writer, http.ResponseWriter).
func isWriter(t types.Type) bool {
	return isInterfaceWith(t, "Write")
}

func isInterfaceWith(t types.Type, method string) bool {
	it, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := 0; i < it.NumMethods(); i++ {
		if it.Method(i).Name() == method {
			return true
		}
	}
	return false
}

// FuncName is fn's qualified name: "pkg.Func" or "(*pkg.T).Method".
func FuncName(fn *ssa.Function) string {
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return ""
	}
	return obj.FullName()
}
