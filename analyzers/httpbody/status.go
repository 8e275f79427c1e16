package httpbody

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/handlers"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/lifetime"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
	"github.com/reviewlint/reviewlint/analyzers/internal/report/leaks"
)

// consumed is the Walk state bit set once the body has been read.
const consumed uint8 = 1

// reportStatusUnchecked reports a response whose body is read on a path
// that never looks at the status and returns. Reading first and checking
// after (to put the error page in the error) is fine: only a path that
// reaches a return without any look at StatusCode or Status is reported.
// Handing the response (not its body) to any call counts as a look: a
// helper like checkStatus(resp) may do it.
func reportStatusUnchecked(pass *analysis.Pass, h *handlers.Result, l leaks.Leak) {
	ob := l.Ob
	var firstRead ssa.Instruction
	readErrs := map[ssa.Value]bool{}
	unchecked := false
	ob.Walk(0, lifetime.Walker{
		Visit: func(ins ssa.Instruction, state uint8) (uint8, bool) {
			if readsViaHelper(h, ob, ins) {
				// parse(resp, &out) decodes the body and never looks at
				// the status (its summary says so): a read, not a look.
				if firstRead == nil || ins.Pos() < firstRead.Pos() {
					firstRead = ins
				}
				return state | consumed, false
			}
			if examinesStatus(ob, ins) || handsOnResponse(ob, ins) {
				return state, true
			}
			if readsBody(ob, ins) {
				if firstRead == nil || ins.Pos() < firstRead.Pos() {
					firstRead = ins
				}
				if copiesBytes(ins) {
					noteReadErr(ins, readErrs)
				}
				return state | consumed, false
			}
			return state, false
		},
		Exit: func(_ *ssa.Return, state uint8) {
			if state&consumed != 0 {
				unchecked = true
			}
		},
		// A copy of the bytes that failed read nothing: its error path
		// is fine. A decode that failed is not: its error may be the
		// error page failing to parse ("invalid character '<'").
		Failed: func(v ssa.Value) bool { return readErrs[v] },
	})
	if !unchecked || firstRead == nil {
		return
	}
	name := l.NameOr("resp")
	pass.Report(analysis.Diagnostic{
		Pos:      firstRead.Pos(),
		End:      firstRead.Pos(),
		Category: RuleStatusUnchecked,
		Message: fmt.Sprintf("body of %s from %s (line %d) is read on a path that never looks at %s.StatusCode; an error response would be read as a success: check the status first",
			name, l.Site.Callee(ob), leaks.Line(pass, ob.Call.Pos()), name),
	})
}

// readsViaHelper reports whether ins is a call that hands the response to
// a function whose summary says it reads the body and never looks at the
// status.
func readsViaHelper(h *handlers.Result, ob *lifetime.Obligation, ins ssa.Instruction) bool {
	call, ok := ins.(ssa.CallInstruction)
	if !ok {
		return false
	}
	if _, ok := call.(*ssa.Call); !ok {
		return false // deferred or spawned: not now
	}
	for _, a := range call.Common().Args {
		if ob.Tracked(a) && isResponse(a.Type()) && h.ResponseReads(call, a) {
			return true
		}
	}
	// read := func() ([]byte, error) { return io.ReadAll(resp.Body) }
	if mc, ok := call.Common().Value.(*ssa.MakeClosure); ok {
		for i, b := range mc.Bindings {
			if (ob.Tracked(b) && isResponse(b.Type()) || holdsResponse(ob, b)) && h.ClosureReads(mc, i) {
				return true
			}
		}
	}
	return false
}

// noteReadErr records the error result of a reading call.
func noteReadErr(ins ssa.Instruction, errs map[ssa.Value]bool) {
	call, ok := ins.(*ssa.Call)
	if !ok {
		return
	}
	tuple, ok := call.Type().(*types.Tuple)
	if !ok {
		if types.Identical(call.Type(), types.Universe.Lookup("error").Type()) {
			errs[call] = true
		}
		return
	}
	for _, r := range *call.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == tuple.Len()-1 {
			errs[e] = true
		}
	}
}

// byteCopiers copy a reader's bytes without interpreting them: they fail
// only when the transfer does, never because the body is an error page.
var byteCopiers = map[string]map[string]bool{
	"io":        {"ReadAll": true, "Copy": true, "CopyN": true, "CopyBuffer": true, "ReadFull": true, "ReadAtLeast": true},
	"io/ioutil": {"ReadAll": true},
	"bytes":     {"ReadFrom": true},
}

// copiesBytes reports whether the reading call ins only copies bytes
// (io.ReadAll, io.Copy, Read, (*bytes.Buffer).ReadFrom), as opposed to
// decoding them (json, xml, csv, gzip ...).
func copiesBytes(ins ssa.Instruction) bool {
	call, ok := ins.(ssa.CallInstruction)
	if !ok {
		return false
	}
	c := call.Common()
	if c.IsInvoke() {
		return c.Method.Name() == "Read"
	}
	fn := c.StaticCallee()
	if fn == nil || fn.Pkg == nil {
		return false
	}
	return byteCopiers[fn.Pkg.Pkg.Path()][fn.Name()]
}

// handsOnResponse reports whether ins returns, stores or sends the
// response itself: whoever receives it may check the status.
func handsOnResponse(ob *lifetime.Obligation, ins ssa.Instruction) bool {
	switch ins.(type) {
	case *ssa.Return, *ssa.Store, *ssa.Send, *ssa.MapUpdate:
	default:
		return false
	}
	if st, ok := ins.(*ssa.Store); ok {
		if _, local := st.Addr.(*ssa.Alloc); local {
			// Into a local variable (one a closure captures): not handed
			// on; a call of such a closure counts as a look instead.
			return false
		}
	}
	for _, op := range ins.Operands(nil) {
		if v := *op; v != nil && ob.Tracked(v) && isResponse(v.Type()) {
			if st, ok := ins.(*ssa.Store); ok && st.Addr == v {
				continue // a store into the response, not of it
			}
			return true
		}
	}
	return false
}

// callsCapturing reports whether call runs now (not deferred or in a
// goroutine) a closure that captures the response, or hands one to its
// callee: that closure may check the status (check := func() error {...}).
func callsCapturing(ob *lifetime.Obligation, call ssa.CallInstruction) bool {
	switch call.(type) {
	case *ssa.Defer, *ssa.Go:
		return false
	}
	c := call.Common()
	if capturesResponse(ob, c.Value) {
		return true
	}
	for _, a := range c.Args {
		if capturesResponse(ob, a) {
			return true
		}
	}
	return false
}

// capturesResponse reports whether v is a closure binding the response or
// the variable that holds it.
func capturesResponse(ob *lifetime.Obligation, v ssa.Value) bool {
	mc, ok := v.(*ssa.MakeClosure)
	if !ok {
		return false
	}
	for _, b := range mc.Bindings {
		if ob.Tracked(b) && isResponse(b.Type()) || holdsResponse(ob, b) {
			return true
		}
	}
	return false
}

// holdsResponse reports whether v is a local variable the response is
// stored in.
func holdsResponse(ob *lifetime.Obligation, v ssa.Value) bool {
	a, ok := v.(*ssa.Alloc)
	if !ok {
		return false
	}
	for _, r := range *a.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == a && ob.Tracked(st.Val) {
			return true
		}
	}
	return false
}

// examinesStatus reports whether ins reads resp.StatusCode or resp.Status,
// or hands the response itself to a call.
func examinesStatus(ob *lifetime.Obligation, ins ssa.Instruction) bool {
	switch ins := ins.(type) {
	case *ssa.FieldAddr:
		if !ob.Tracked(ins.X) || !isResponse(ins.X.Type()) {
			return false
		}
		name := typematch.FieldName(ins.X.Type(), ins.Field)
		return (name == "StatusCode" || name == "Status") && !onlyPrinted(ins)
	case ssa.CallInstruction:
		for _, a := range ins.Common().Args {
			if ob.Tracked(a) && isResponse(a.Type()) {
				return true
			}
		}
		return callsCapturing(ob, ins)
	}
	return false
}

// onlyPrinted reports whether the field at fa is loaded only to be
// formatted: boxed into the ...any arguments of a variadic call
// (log.Printf("GET %s: %d", url, resp.StatusCode)). Printing the status
// does not act on it; a comparison, a switch, a store or any other use
// does.
func onlyPrinted(fa *ssa.FieldAddr) bool {
	uses := 0
	for _, r := range *fa.Referrers() {
		load, ok := r.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			return false
		}
		for _, u := range *load.Referrers() {
			mi, ok := u.(*ssa.MakeInterface)
			if !ok || !boxedIntoVarargs(mi) {
				return false
			}
			uses++
		}
	}
	return uses > 0
}

// boxedIntoVarargs reports whether the interface value mi is only stored
// into the implicit array of a variadic call's ...any argument.
func boxedIntoVarargs(mi *ssa.MakeInterface) bool {
	refs := *mi.Referrers()
	if len(refs) == 0 {
		return false
	}
	for _, r := range refs {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != mi {
			return false
		}
		ia, ok := st.Addr.(*ssa.IndexAddr)
		if !ok {
			return false
		}
		arr, ok := ia.X.(*ssa.Alloc)
		if !ok || !passedAsVarargs(arr) {
			return false
		}
	}
	return true
}

// passedAsVarargs reports whether the array arr is sliced only to be the
// final ...any argument of variadic calls.
func passedAsVarargs(arr *ssa.Alloc) bool {
	found := false
	for _, r := range *arr.Referrers() {
		switch r := r.(type) {
		case *ssa.IndexAddr:
		case *ssa.Slice:
			for _, u := range *r.Referrers() {
				call, ok := u.(*ssa.Call)
				if !ok {
					return false
				}
				c := call.Common()
				sig := c.Signature()
				if !sig.Variadic() || len(c.Args) == 0 || c.Args[len(c.Args)-1] != ssa.Value(r) {
					return false
				}
				found = true
			}
		default:
			return false
		}
	}
	return found
}

// readsBody reports whether ins reads the body: passes it to a call other
// than its Close (io.ReadAll, json.NewDecoder, ...) or calls its Read,
// except draining it into io.Discard.
func readsBody(ob *lifetime.Obligation, ins ssa.Instruction) bool {
	call, ok := ins.(ssa.CallInstruction)
	if !ok || ob.Releases(ins) {
		return false // closing it, even through a helper, is not reading it
	}
	c := call.Common()
	if c.IsInvoke() {
		return c.Method.Name() == "Read" && (isBody(ob, c.Value) || ob.Derived(c.Value))
	}
	if handlers.Drains(call) {
		return false
	}
	for i, a := range c.Args {
		// The body itself, or a reader built around it
		// (io.LimitReader(resp.Body, n)): its read error path is a
		// failed read too.
		if (isBody(ob, a) || (ob.Derived(a) && !isResponse(a.Type()))) && !ignoresParam(c.StaticCallee(), i) && !droppedWrapper(ob, call) {
			return true
		}
	}
	return false
}

// droppedWrapper reports whether call builds a reader around the body (its
// result is derived from it: http.MaxBytesReader, json.NewDecoder) and no
// result of the call is used: the wrapper is never read, so neither is the
// body through it.
func droppedWrapper(ob *lifetime.Obligation, call ssa.CallInstruction) bool {
	v := call.Value()
	if v == nil {
		return false // deferred or spawned
	}
	if _, ok := v.Type().(*types.Tuple); !ok {
		return ob.Derived(v) && !used(v)
	}
	derived := false
	for _, r := range *v.Referrers() {
		e, ok := r.(*ssa.Extract)
		if !ok || used(e) {
			return false
		}
		derived = derived || ob.Derived(e)
	}
	return derived
}

// used reports whether v has a referrer other than a debug reference.
func used(v ssa.Value) bool {
	for _, r := range *v.Referrers() {
		if _, ok := r.(*ssa.DebugRef); !ok {
			return true
		}
	}
	return false
}

// ignoresParam reports whether fn has a body here and never uses its i'th
// parameter (a stub, an empty deferred literal): handing it the body
// reads nothing.
func ignoresParam(fn *ssa.Function, i int) bool {
	if fn == nil || fn.Blocks == nil || i >= len(fn.Params) {
		return false
	}
	for _, r := range *fn.Params[i].Referrers() {
		if _, ok := r.(*ssa.DebugRef); !ok {
			return false
		}
	}
	return true
}

// isBody reports whether v is the response's Body (possibly converted to
// another interface): a load of the Body field of the tracked response.
func isBody(ob *lifetime.Obligation, v ssa.Value) bool {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeInterface:
			v = x.X
			continue
		case *ssa.UnOp:
			fa, ok := x.X.(*ssa.FieldAddr)
			return ok && x.Op == token.MUL && ob.Tracked(fa.X) && typematch.FieldName(fa.X.Type(), fa.Field) == "Body"
		}
		return false
	}
}

// isResponse reports whether t is *net/http.Response.
func isResponse(t types.Type) bool { return typematch.PointerTo(t, "net/http", "Response") }
