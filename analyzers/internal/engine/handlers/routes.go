package handlers

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// A handler's request body is bounded when every route to it bounds it:
// the handler value reaches a middleware that bounds the body of the
// handler it wraps (http.MaxBytesHandler, or a project function whose
// handler closure sets r.Body = http.MaxBytesReader before calling the
// next handler), directly or through the router it is registered on; or
// every caller bounds r.Body before calling it. Trust follows the route,
// not the package: an unbounded handler beside a bounded one is still
// reported, and so is a handler whose routes are not all in sight.

// routes decides, per handler of the package, whether its routes bound
// the request body.
type routes struct {
	h *handlings
	// uses are the instructions that take a function as an operand
	// (calls of it included).
	uses map[*ssa.Function][]ssa.Instruction
	// boxed are the conversions of concrete values to interfaces, by the
	// concrete type: the uses of a ServeHTTP method's receiver type.
	boxed []*ssa.MakeInterface
	// bound are the method values made of a method (s.upload), by the
	// method: a synthetic wrapper's closure.
	bound map[types.Object][]ssa.Instruction
	memo  map[*ssa.Function]bool
	busy  map[*ssa.Function]bool
}

func newRoutes(h *handlings, fns []*ssa.Function) *routes {
	r := &routes{h: h, uses: map[*ssa.Function][]ssa.Instruction{}, bound: map[types.Object][]ssa.Instruction{},
		memo: map[*ssa.Function]bool{}, busy: map[*ssa.Function]bool{}}
	for _, fn := range fns {
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				switch ins := ins.(type) {
				case *ssa.MakeInterface:
					r.boxed = append(r.boxed, ins)
				case *ssa.MakeClosure:
					if w := ins.Fn.(*ssa.Function); w.Synthetic != "" && w.Object() != nil {
						r.bound[w.Object()] = append(r.bound[w.Object()], ins)
					}
				}
				for _, op := range ins.Operands(nil) {
					if f, ok := (*op).(*ssa.Function); ok {
						r.uses[f] = append(r.uses[f], ins)
					}
				}
			}
		}
	}
	return r
}

// bounded reports whether every route to handler fn bounds the request
// body; false when a route is unbounded or not all are known.
func (r *routes) bounded(fn *ssa.Function) bool {
	if v, ok := r.memo[fn]; ok {
		return v
	}
	if r.busy[fn] {
		return false
	}
	r.busy[fn] = true
	v := r.compute(fn)
	delete(r.busy, fn)
	r.memo[fn] = v
	return v
}

func (r *routes) compute(fn *ssa.Function) bool {
	if recv := fn.Signature.Recv(); recv != nil && fn.Name() == "ServeHTTP" {
		// http.Handler's method: served through values of its type.
		return r.receiverBounded(recv.Type())
	}
	uses := r.uses[fn]
	if obj := fn.Object(); obj != nil {
		uses = append(uses[:len(uses):len(uses)], r.bound[obj]...)
	}
	if len(uses) == 0 {
		return false // exported, or registered where we cannot see
	}
	for _, ins := range uses {
		if !r.useBounded(fn, ins) {
			return false
		}
	}
	return true
}

// receiverBounded reports whether every value of a ServeHTTP method's
// receiver type handed out as an interface is behind a bound.
func (r *routes) receiverBounded(t types.Type) bool {
	n := 0
	for _, mi := range r.boxed {
		if !types.Identical(mi.X.Type(), t) {
			continue
		}
		n++
		if !r.valueBounded(mi, map[ssa.Value]bool{}) {
			return false
		}
	}
	return n > 0
}

// useBounded reports whether one use of handler fn is behind a bound: a
// call whose caller bounded the body first, or the handler as a value
// (a closure made of it) that reaches a bounding middleware.
func (r *routes) useBounded(fn *ssa.Function, ins ssa.Instruction) bool {
	switch ins := ins.(type) {
	case ssa.CallInstruction:
		c := ins.Common()
		if c.Value == fn {
			return r.callerBounds(ins)
		}
		return r.argBounded(ins, fn, map[ssa.Value]bool{})
	case *ssa.MakeClosure:
		// fn's closure, or a method value of it (not fn captured by another)
		made := ins.Fn.(*ssa.Function)
		return (made == fn || made.Synthetic != "") && r.valueBounded(ins, map[ssa.Value]bool{})
	case *ssa.ChangeType, *ssa.MakeInterface, *ssa.Phi:
		return r.valueBounded(ins.(ssa.Value), map[ssa.Value]bool{})
	}
	return false
}

// callerBounds reports whether the caller at call bounds the body of the
// request it passes: it assigns http.MaxBytesReader to its Body before the
// call, or it is itself a handler whose routes are bounded.
func (r *routes) callerBounds(call ssa.CallInstruction) bool {
	for _, a := range call.Common().Args {
		if IsRequest(a) && boundsBefore(a, call) {
			return true
		}
	}
	caller := call.Parent()
	return IsHandler(caller) && r.bounded(caller)
}

// valueBounded reports whether every route of handler value v is
// bounded (see serve.go).
func (r *routes) valueBounded(v ssa.Value, _ map[ssa.Value]bool) bool { return r.served(v) }

// argBounded reports whether passing handler fn to call puts it behind a
// bound on every route.
func (r *routes) argBounded(call ssa.CallInstruction, fn ssa.Value, _ map[ssa.Value]bool) bool {
	w := &serveWalk{r: r, seen: map[walkKey]bool{}}
	return w.call(fn, call, nil) && w.reached
}

// bounds reports whether callee bounds the body of the handler passed as
// its i'th parameter (receiver first).
func (r *routes) bounds(callee *ssa.Function, i int) bool {
	if FuncName(callee) == "net/http.MaxBytesHandler" {
		return i == 0
	}
	hd := r.h.of(callee)
	return hd != nil && slices.Contains(hd.Bounds, i)
}

// isReceiver reports whether v is the receiver of the method call c.
func isReceiver(c *ssa.CallCommon, v ssa.Value) bool { return receiverOf(c) == v }

// receiverOf is the receiver of a method call, or nil.
func receiverOf(c *ssa.CallCommon) ssa.Value {
	if c.IsInvoke() {
		return c.Value
	}
	if f := c.StaticCallee(); f != nil && f.Signature.Recv() != nil && len(c.Args) > 0 {
		return c.Args[0]
	}
	return nil
}

// boundsParam reports whether fn bounds the body for the handler it gets
// as parameter p: p is wrapped by a bounding middleware, or a closure of
// fn captures p and, in it, r.Body = http.MaxBytesReader(...) comes before
// every call of the captured handler.
func (h *handlings) boundsParam(fn *ssa.Function, p *ssa.Parameter) bool {
	if !mayBeHandler(p.Type()) {
		return false
	}
	for _, c := range capturesOf(p) {
		if closureBounds(c.fn, c.handlers()) {
			return true
		}
	}
	// return http.MaxBytesHandler(next, n), a bounding helper's call, or
	// the same through wrappers and routers.
	return h.reachesBound(p, map[ssa.Value]bool{})
}

// boundsOf is boundsParam of callee's i'th parameter, through its facts.
func (h *handlings) boundsOf(callee *ssa.Function, i int) bool {
	hd := h.of(callee)
	return hd != nil && slices.Contains(hd.Bounds, i)
}

// capture is a closure's free variable holding a parameter: the value
// itself, or the variable it was spilled into (boxed).
type capture struct {
	fn    *ssa.Function
	fv    *ssa.FreeVar
	boxed bool
}

// capturesOf returns the closures that capture parameter p.
func capturesOf(p *ssa.Parameter) []capture {
	var out []capture
	add := func(v ssa.Value, boxed bool) {
		for _, u := range *v.Referrers() {
			mc, ok := u.(*ssa.MakeClosure)
			if !ok {
				continue
			}
			cl := mc.Fn.(*ssa.Function)
			for i, b := range mc.Bindings {
				if b == v {
					out = append(out, capture{cl, cl.FreeVars[i], boxed})
				}
			}
		}
	}
	add(p, false)
	for _, u := range *p.Referrers() {
		if st, ok := u.(*ssa.Store); ok && st.Val == p {
			if a, ok := st.Addr.(*ssa.Alloc); ok {
				add(a, true)
			}
		}
	}
	return out
}

// handlers returns the values of the captured parameter in the closure.
func (c capture) handlers() []ssa.Value {
	if !c.boxed {
		return []ssa.Value{c.fv}
	}
	var out []ssa.Value
	for _, u := range *c.fv.Referrers() {
		if load, ok := u.(*ssa.UnOp); ok && load.Op == token.MUL {
			out = append(out, load)
		}
	}
	return out
}

// closureBounds reports whether, in handler closure fn, every call of the
// captured handler (any of next) comes after a bound on the request's
// body.
func closureBounds(fn *ssa.Function, next []ssa.Value) bool {
	calls := 0
	for _, u := range referrersOf(next) {
		call, ok := u.(ssa.CallInstruction)
		if !ok {
			continue
		}
		calls++
		bounded := false
		for _, a := range call.Common().Args {
			if IsRequest(a) && boundsBefore(a, call) {
				bounded = true
			}
		}
		if !bounded {
			return false
		}
	}
	return calls > 0
}

// referrersOf returns the referrers of all of vs.
func referrersOf(vs []ssa.Value) []ssa.Instruction {
	var out []ssa.Instruction
	for _, v := range vs {
		out = append(out, *v.Referrers()...)
	}
	return out
}

// boundsBefore reports whether req.Body is assigned an http.MaxBytesReader
// before call on every path to it (the store dominates the call).
func boundsBefore(req ssa.Value, call ssa.CallInstruction) bool {
	for _, u := range *req.Referrers() {
		fa, ok := u.(*ssa.FieldAddr)
		if !ok || typematch.FieldName(fa.X.Type(), fa.Field) != "Body" {
			continue
		}
		for _, s := range *fa.Referrers() {
			st, ok := s.(*ssa.Store)
			if ok && st.Addr == fa && isMaxBytesReader(st.Val) && before(st, call) {
				return true
			}
		}
	}
	return false
}

// isMaxBytesReader reports whether v is (a conversion of) a call of
// http.MaxBytesReader.
func isMaxBytesReader(v ssa.Value) bool {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.Call:
			callee := x.Common().StaticCallee()
			return callee != nil && FuncName(callee) == "net/http.MaxBytesReader"
		default:
			return false
		}
	}
}

// before reports whether x runs before y on every path to y.
func before(x, y ssa.Instruction) bool {
	if x.Block() != y.Block() {
		return x.Block().Dominates(y.Block())
	}
	for _, ins := range x.Block().Instrs {
		switch ins {
		case x:
			return true
		case y:
			return false
		}
	}
	return false
}

// mayBeHandler reports whether t can hold a handler: an interface (an
// http.Handler) or a func with a handler's parameters.
func mayBeHandler(t types.Type) bool {
	switch t := t.Underlying().(type) {
	case *types.Interface:
		return true
	case *types.Signature:
		return handlerParams(t)
	}
	return false
}
