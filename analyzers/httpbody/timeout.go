package httpbody

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// defaultClientFuncs are the net/http functions that send through
// http.DefaultClient.
var defaultClientFuncs = map[string]bool{"Get": true, "Post": true, "PostForm": true, "Head": true}

// reportNoTimeout reports requests that can hang forever: sent through
// http.DefaultClient (no timeout), clients built without Timeout or
// Transport, and http.NewRequest in a function that has a context to give
// it. Test files are left alone: a hung test is killed by go test.
func reportNoTimeout(pass *analysis.Pass, fn *ssa.Function, fns []*ssa.Function) {
	if isTestFile(pass, fn.Pos()) {
		return
	}
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			switch ins := ins.(type) {
			case *ssa.Call:
				checkDefaultClientCall(pass, ins)
				checkNewRequest(pass, fn, ins)
			case *ssa.Alloc:
				checkClientLiteral(pass, ins, fns)
			}
		}
	}
}

// checkDefaultClientCall reports http.Get & co. and calls on
// http.DefaultClient.
func checkDefaultClientCall(pass *analysis.Pass, call *ssa.Call) {
	c := call.Common()
	fn := c.StaticCallee()
	if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "net/http" {
		return
	}
	var what string
	switch {
	case fn.Signature.Recv() == nil && defaultClientFuncs[fn.Name()]:
		what = "http." + fn.Name()
	case fn.Signature.Recv() != nil && isClientMethod(fn) && len(c.Args) > 0 && isDefaultClient(c.Args[0]):
		if fn.Name() == "Do" && len(c.Args) > 1 && requestHasDeadline(c.Args[1], 0) {
			return // the request's context bounds it
		}
		what = "http.DefaultClient." + fn.Name()
	default:
		return
	}
	pass.Report(analysis.Diagnostic{
		Pos:      call.Pos(),
		End:      call.Pos(),
		Category: RuleNoTimeout,
		Message:  fmt.Sprintf("%s sends through http.DefaultClient, which has no timeout: a server that stops answering hangs this call forever; use a client with Timeout set", what),
	})
}

func isClientMethod(fn *ssa.Function) bool {
	switch fn.Name() {
	case "Do", "Get", "Post", "PostForm", "Head":
		return typematch.PointerTo(fn.Signature.Recv().Type(), "net/http", "Client")
	}
	return false
}

// isDefaultClient reports whether v is a load of http.DefaultClient.
func isDefaultClient(v ssa.Value) bool {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return false
	}
	g, ok := u.X.(*ssa.Global)
	return ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "net/http" && g.Name() == "DefaultClient"
}

// checkClientLiteral reports &http.Client{} and http.Client{} that set
// neither Timeout nor Transport (a custom transport may carry deadlines),
// and whose Timeout is not set later through the same variable.
func checkClientLiteral(pass *analysis.Pass, a *ssa.Alloc, fns []*ssa.Function) {
	if !typematch.PointerTo(a.Type(), "net/http", "Client") || !a.Pos().IsValid() || copiedFromLiteral(a) {
		return
	}
	if setsDeadline(a) {
		return
	}
	// i.Client = &http.Client{}; i.Client.Transport = t (minio-go's
	// sts_tls_identity.go): configured through the field it went into.
	for _, v := range fieldReloads(a) {
		if setsDeadline(v) {
			return
		}
	}
	if configuredByCaller(a, fns) {
		return
	}
	pass.Report(analysis.Diagnostic{
		Pos:      a.Pos(),
		End:      a.Pos(),
		Category: RuleNoTimeout,
		Message:  "http.Client without Timeout (or a Transport with deadlines): a server that stops answering hangs its requests forever; set Timeout",
	})
}

// reportGlobalClients reports an unexported package-level client that
// the package initializer builds without Timeout or Transport and that no
// function of the package configures or replaces: every request the
// package sends through it can hang forever. An exported one may be
// configured by its importers.
func reportGlobalClients(pass *analysis.Pass, pkg *ssa.Package, fns []*ssa.Function) {
	init := pkg.Func("init")
	if init == nil {
		return
	}
	for _, b := range init.Blocks {
		for _, ins := range b.Instrs {
			a, ok := ins.(*ssa.Alloc)
			if !ok || !typematch.PointerTo(a.Type(), "net/http", "Client") || !a.Pos().IsValid() || isTestFile(pass, a.Pos()) || copiedFromLiteral(a) || setsDeadline(a) {
				continue
			}
			g := storedGlobal(a)
			if g == nil || g.Object() == nil || g.Object().Exported() || configuredElsewhere(g, fns) {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Pos:      a.Pos(),
				End:      a.Pos(),
				Category: RuleNoTimeout,
				Message:  fmt.Sprintf("package-level http.Client %s has no Timeout (or a Transport with deadlines) and nothing in the package sets one: a server that stops answering hangs its requests forever; set Timeout", g.Name()),
			})
		}
	}
}

// storedGlobal returns the package variable a is stored into, if that is
// what the initializer does with it.
func storedGlobal(a *ssa.Alloc) *ssa.Global {
	for _, r := range *a.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Val == a {
			if g, ok := st.Addr.(*ssa.Global); ok {
				return g
			}
		}
	}
	return nil
}

// configuredElsewhere reports whether a function of the package sets the
// Timeout or Transport of the client in g, or stores another client there.
func configuredElsewhere(g *ssa.Global, fns []*ssa.Function) bool {
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				switch ins := ins.(type) {
				case *ssa.Store:
					if ins.Addr == g {
						return true
					}
				case *ssa.UnOp:
					if ins.Op == token.MUL && ins.X == g && setsDeadline(ins) {
						return true
					}
				}
			}
		}
	}
	return false
}

// setsDeadline reports whether the client c has its Timeout or Transport
// set.
func setsDeadline(c ssa.Value) bool {
	for _, r := range *c.Referrers() {
		if fa, ok := r.(*ssa.FieldAddr); ok {
			switch typematch.FieldName(c.Type(), fa.Field) {
			case "Timeout", "Transport":
				return true
			}
		}
	}
	return false
}

// fieldReloads returns, for a value stored into a field (s.req = req),
// the loads of that same field of the same base in the function: the
// value again, under another name.
func fieldReloads(v ssa.Value) []ssa.Value {
	var out []ssa.Value
	for _, r := range *v.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != v {
			continue
		}
		fa, ok := st.Addr.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		for _, u := range *fa.X.Referrers() {
			other, ok := u.(*ssa.FieldAddr)
			if !ok || other.Field != fa.Field {
				continue
			}
			for _, l := range *other.Referrers() {
				if load, ok := l.(*ssa.UnOp); ok && load.Op == token.MUL {
					out = append(out, load)
				}
			}
		}
	}
	return out
}

// copiedFromLiteral reports whether a variable receives a whole client
// value: a composite literal (c := http.Client{Timeout: t}), whose own
// alloc is the one checked, or a copy of a configured client
// (c := *cfg.HTTPClient), which is not a new client at all.
func copiedFromLiteral(a *ssa.Alloc) bool {
	for _, r := range *a.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Addr != a {
			continue
		}
		if c, ok := st.Val.(*ssa.Const); ok && c.Value == nil {
			continue // the zero value
		}
		return true
	}
	return false
}

// checkNewRequest reports http.NewRequest in a function that has a
// context.Context parameter, unless the request gets a context later
// (req.WithContext, req.Clone).
func checkNewRequest(pass *analysis.Pass, fn *ssa.Function, call *ssa.Call) {
	callee := call.Common().StaticCallee()
	if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg.Path() != "net/http" || callee.Name() != "NewRequest" || callee.Signature.Recv() != nil {
		return
	}
	ctx := contextParam(fn)
	if ctx == "" || getsContextLater(call) {
		return
	}
	d := analysis.Diagnostic{
		Pos:      call.Pos(),
		End:      call.Pos(),
		Category: RuleNoTimeout,
		Message:  fmt.Sprintf("http.NewRequest ignores %s: the request is not cancelled with it and has no deadline; use http.NewRequestWithContext(%s, ...)", ctx, ctx),
	}
	if fix, ok := newRequestFix(pass, call, ctx); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	pass.Report(d)
}

// contextParam is the name of the first context.Context parameter of fn or
// of the functions enclosing it, or "".
func contextParam(fn *ssa.Function) string {
	for f := fn; f != nil; f = f.Parent() {
		for _, p := range f.Params {
			if typematch.Named(p.Type(), "context", "Context") && p.Name() != "_" {
				return p.Name()
			}
		}
	}
	return ""
}

// getsContextLater reports whether the request from call reaches
// (*Request).WithContext or Clone: directly, or through the field it is
// kept in (a request built once, cached in s.req, and sent as
// s.req.WithContext(ctx): prometheus's scrape.go).
func getsContextLater(call *ssa.Call) bool {
	for _, r := range *call.Referrers() {
		e, ok := r.(*ssa.Extract)
		if !ok || e.Index != 0 {
			continue
		}
		if contextAttached(e) {
			return true
		}
		for _, v := range fieldReloads(e) {
			if contextAttached(v) {
				return true
			}
		}
	}
	return false
}

// contextAttached reports whether request req is given a context by a
// call it reaches.
func contextAttached(req ssa.Value) bool {
	for _, u := range *req.Referrers() {
		c, ok := u.(ssa.CallInstruction)
		if !ok {
			continue
		}
		if f := c.Common().StaticCallee(); f != nil && (f.Name() == "WithContext" || f.Name() == "Clone") {
			return true
		}
		// A client that takes the context beside the request
		// (prometheus's client.Do(ctx, req)) attaches it itself.
		for _, a := range c.Common().Args {
			if typematch.Named(a.Type(), "context", "Context") {
				return true
			}
		}
	}
	return false
}

// newRequestFix rewrites http.NewRequest(a, b, c) to
// http.NewRequestWithContext(ctx, a, b, c).
func newRequestFix(pass *analysis.Pass, call *ssa.Call, ctx string) (analysis.SuggestedFix, bool) {
	ce := callExprAt(pass, call.Pos())
	if ce == nil {
		return analysis.SuggestedFix{}, false
	}
	sel, ok := ce.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "NewRequest" {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message: "Use http.NewRequestWithContext(" + ctx + ", ...)",
		TextEdits: []analysis.TextEdit{
			{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("NewRequestWithContext")},
			{Pos: ce.Lparen + 1, End: ce.Lparen + 1, NewText: []byte(ctx + ", ")},
		},
	}, true
}

// callExprAt finds the call expression whose '(' is at lparen.
func callExprAt(pass *analysis.Pass, lparen token.Pos) *ast.CallExpr {
	for _, f := range pass.Files {
		if f.Pos() > lparen || lparen > f.End() {
			continue
		}
		var found *ast.CallExpr
		ast.Inspect(f, func(n ast.Node) bool {
			if found != nil || n == nil || n.Pos() > lparen || n.End() < lparen {
				return false
			}
			if ce, ok := n.(*ast.CallExpr); ok && ce.Lparen == lparen {
				found = ce
			}
			return true
		})
		return found
	}
	return nil
}

// isTestFile reports whether pos lies in a _test.go file.
func isTestFile(pass *analysis.Pass, pos token.Pos) bool {
	f := pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// maxCtxDepth bounds how far requestHasDeadline follows derived contexts.
const maxCtxDepth = 8

// requestHasDeadline reports whether the request req carries a context
// with a deadline: built by http.NewRequestWithContext, or given one by
// req.WithContext / req.Clone, with a context that has one.
func requestHasDeadline(req ssa.Value, depth int) bool {
	call, ok := callResult(req)
	if !ok || depth > maxCtxDepth {
		return false
	}
	f := call.Common().StaticCallee()
	if f == nil || f.Pkg == nil || f.Pkg.Pkg.Path() != "net/http" || len(call.Common().Args) < 2 {
		return false
	}
	switch {
	case f.Signature.Recv() == nil && f.Name() == "NewRequestWithContext":
		return ctxHasDeadline(call.Common().Args[0], depth+1)
	case f.Signature.Recv() != nil && (f.Name() == "WithContext" || f.Name() == "Clone"):
		return ctxHasDeadline(call.Common().Args[1], depth+1)
	}
	return false
}

// deadlineFuncs give their result context a deadline; derivers keep the
// deadline of their parent (argument 0).
var (
	deadlineFuncs = map[string]bool{"WithTimeout": true, "WithDeadline": true, "WithTimeoutCause": true, "WithDeadlineCause": true}
	derivers      = map[string]bool{"WithCancel": true, "WithCancelCause": true, "WithValue": true}
)

// ctxHasDeadline reports whether ctx is known to have a deadline: made by
// context.WithTimeout or WithDeadline, or derived from such a context by
// WithCancel or WithValue, on every path (a phi).
func ctxHasDeadline(ctx ssa.Value, depth int) bool {
	if depth > maxCtxDepth {
		return false
	}
	if mi, ok := ctx.(*ssa.MakeInterface); ok {
		ctx = mi.X
	}
	if phi, ok := ctx.(*ssa.Phi); ok {
		for _, e := range phi.Edges {
			if !ctxHasDeadline(e, depth+1) {
				return false
			}
		}
		return len(phi.Edges) > 0
	}
	call, ok := callResult(ctx)
	if !ok {
		return false
	}
	f := call.Common().StaticCallee()
	if f == nil || f.Pkg == nil || f.Pkg.Pkg.Path() != "context" || f.Signature.Recv() != nil {
		return false
	}
	switch {
	case deadlineFuncs[f.Name()]:
		return true
	case derivers[f.Name()] && len(call.Common().Args) > 0:
		return ctxHasDeadline(call.Common().Args[0], depth+1)
	}
	return false
}

// callResult returns the call whose result (or result 0) v is.
func callResult(v ssa.Value) (*ssa.Call, bool) {
	if e, ok := v.(*ssa.Extract); ok && e.Index == 0 {
		v = e.Tuple
	}
	call, ok := v.(*ssa.Call)
	return call, ok
}

// configuredByCaller reports whether the client a is returned by its
// function and a caller in the package sets the Timeout or Transport of
// the result (c := baseClient(); c.Timeout = d): the constructor builds a
// base that its callers configure.
func configuredByCaller(a *ssa.Alloc, fns []*ssa.Function) bool {
	fn := a.Parent()
	result := -1
	for _, r := range *a.Referrers() {
		if ret, ok := r.(*ssa.Return); ok {
			for i, v := range ret.Results {
				if v == ssa.Value(a) {
					result = i
				}
			}
		}
	}
	if result < 0 {
		return false
	}
	for _, caller := range fns {
		for _, b := range caller.Blocks {
			for _, ins := range b.Instrs {
				call, ok := ins.(*ssa.Call)
				if !ok || call.Common().StaticCallee() != fn {
					continue
				}
				for _, v := range resultValues(call, result) {
					if setsDeadline(v) {
						return true
					}
				}
			}
		}
	}
	return false
}

// resultValues returns the values of result i of call: the call itself
// for a single result, its Extract #i otherwise.
func resultValues(call *ssa.Call, i int) []ssa.Value {
	if _, ok := call.Type().(*types.Tuple); !ok {
		return []ssa.Value{call}
	}
	var out []ssa.Value
	for _, r := range *call.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == i {
			out = append(out, e)
		}
	}
	return out
}
