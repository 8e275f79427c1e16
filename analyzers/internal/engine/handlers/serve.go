package handlers

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// Following a handler value to where it is served, across the package's
// functions: into a registration helper (handleFunc(router, h)) and back
// out of it, up to the callers of a function whose parameter is the
// router, and out through a returned wrapper to its callers' results,
// until the value reaches a middleware whose facts say it bounds the body
// (in whatever package: confighttp's ServerConfig.ToServer). A call that
// takes a handler and returns one wraps it (a middleware); a method call
// that takes it registers it on the receiver (a router).

// maxDepth bounds how deep the walk descends into helpers.
const maxDepth = 8

// walkKey is a value in the context of the call the walk descended
// through (nil at the top).
type walkKey struct {
	v   ssa.Value
	ctx ssa.CallInstruction
}

// serveWalk checks that every way a handler value is served is bounded.
type serveWalk struct {
	r       *routes
	seen    map[walkKey]bool
	reached bool // a bound was found on some route
}

// served reports whether every route of handler value v is bounded.
func (r *routes) served(v ssa.Value) bool {
	w := &serveWalk{r: r, seen: map[walkKey]bool{}}
	return w.value(v, nil) && w.reached
}

func top(stack []ssa.CallInstruction) ssa.CallInstruction {
	if len(stack) == 0 {
		return nil
	}
	return stack[len(stack)-1]
}

// value reports whether no route of v, in the context stack, is
// unbounded; a value already being checked adds nothing (a cycle).
func (w *serveWalk) value(v ssa.Value, stack []ssa.CallInstruction) bool {
	k := walkKey{v, top(stack)}
	if w.seen[k] || v.Referrers() == nil {
		return w.seen[k]
	}
	w.seen[k] = true
	if p, ok := v.(*ssa.Parameter); ok && !w.fromCallers(p, stack) {
		return false
	}
	for _, u := range *v.Referrers() {
		if !w.use(v, u, stack) {
			return false
		}
	}
	return true
}

// fromCallers reports whether the value the callers pass as p is
// bounded: the caller the walk came through, or every call site in the
// package.
func (w *serveWalk) fromCallers(p *ssa.Parameter, stack []ssa.CallInstruction) bool {
	idx := slices.Index(p.Parent().Params, p)
	if call := top(stack); call != nil {
		args := call.Common().Args
		return idx < len(args) && w.value(args[idx], stack[:len(stack)-1])
	}
	return w.eachCall(p.Parent(), func(call ssa.CallInstruction) bool {
		args := call.Common().Args
		return idx < len(args) && w.value(args[idx], nil)
	})
}

// eachCall reports whether fn is only called directly, at least once,
// and ok holds at every call.
func (w *serveWalk) eachCall(fn *ssa.Function, ok func(ssa.CallInstruction) bool) bool {
	uses := w.r.uses[fn]
	if len(uses) == 0 {
		return false
	}
	for _, ins := range uses {
		call, isCall := ins.(ssa.CallInstruction)
		if !isCall || call.Common().Value != fn || !ok(call) {
			return false
		}
	}
	return true
}

// use reports whether one use u of handler value v keeps its routes
// bounded.
func (w *serveWalk) use(v ssa.Value, u ssa.Instruction, stack []ssa.CallInstruction) bool {
	switch u := u.(type) {
	case *ssa.ChangeType, *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.Phi:
		return w.value(u.(ssa.Value), stack)
	case *ssa.TypeAssert:
		// the nil check of an interface's method value (h.ServeHTTP)
		return !u.CommaOk && w.value(u, stack)
	case *ssa.MakeClosure:
		// a method value of v (h.ServeHTTP): the same handler
		return u.Fn.(*ssa.Function).Synthetic != "" && w.value(u, stack)
	case *ssa.Return:
		return w.returned(u, slices.Index(u.Results, v), stack)
	case ssa.CallInstruction:
		return w.call(v, u, stack)
	case *ssa.FieldAddr:
		return onlyWritten(u) // router.NotFoundHandler = h: sets up v
	case *ssa.DebugRef:
		return true
	}
	return false // stored, sent, captured: routes out of sight
}

// returned follows result i of a function to the callers' results.
func (w *serveWalk) returned(ret *ssa.Return, i int, stack []ssa.CallInstruction) bool {
	result := func(call ssa.CallInstruction, stack []ssa.CallInstruction) bool {
		cv, ok := call.(*ssa.Call)
		if !ok {
			return false
		}
		if len(ret.Results) == 1 {
			return w.value(cv, stack)
		}
		return w.extract(cv, i, stack)
	}
	if call := top(stack); call != nil {
		return result(call, stack[:len(stack)-1])
	}
	return w.eachCall(ret.Parent(), func(call ssa.CallInstruction) bool { return result(call, nil) })
}

// extract follows element i of a tuple-valued call.
func (w *serveWalk) extract(call *ssa.Call, i int, stack []ssa.CallInstruction) bool {
	for _, u := range *call.Referrers() {
		if e, ok := u.(*ssa.Extract); ok && (i < 0 || e.Index == i) && (i >= 0 || isHandlerType(e.Type(), &call.Parent().Prog.MethodSets)) {
			if !w.value(e, stack) {
				return false
			}
		}
	}
	return true
}

// call reports whether passing v to call keeps its routes bounded.
func (w *serveWalk) call(v ssa.Value, call ssa.CallInstruction, stack []ssa.CallInstruction) bool {
	c := call.Common()
	if isReceiver(c, v) || c.Value == v {
		return true // registers on v, or calls it
	}
	callee := c.StaticCallee()
	i := slices.Index(c.Args, v)
	if callee != nil && i >= 0 {
		if w.r.bounds(callee, i) {
			w.reached = true
			return true
		}
		if hd := w.r.h.of(callee); hd != nil && slices.Contains(hd.Registers, i) {
			return true // a helper that only adds routes to it
		}
	}
	cv, _ := call.(*ssa.Call)
	switch {
	case cv != nil && isHandlerType(cv.Type(), &cv.Parent().Prog.MethodSets):
		return w.value(cv, stack) // a middleware wrapping it
	case cv != nil && isTupleWithHandler(cv.Type(), &cv.Parent().Prog.MethodSets):
		return w.extract(cv, -1, stack)
	case callee != nil && i >= 0 && len(callee.Blocks) > 0 && callee.Pkg == call.Parent().Pkg && len(stack) < maxDepth:
		return w.value(callee.Params[i], append(stack[:len(stack):len(stack)], call))
	}
	if recv := receiverOf(c); recv != nil {
		return w.value(recv, stack) // registered on a router
	}
	return false
}

// isHandlerType reports whether t can serve requests: a func with a
// handler's parameters, or a type with a ServeHTTP method of that shape.
// msets is the program's method set cache (building a method set for
// every parameter of every function was a tenth of a cold run's analysis).
func isHandlerType(t types.Type, msets *typeutil.MethodSetCache) bool {
	if _, ok := t.Underlying().(*types.Signature); ok {
		return mayBeHandler(t)
	}
	sel := msets.MethodSet(t).Lookup(nil, "ServeHTTP")
	if sel == nil {
		if _, isPtr := t.(*types.Pointer); !isPtr {
			sel = msets.MethodSet(types.NewPointer(t)).Lookup(nil, "ServeHTTP")
		}
	}
	return sel != nil && mayBeHandler(sel.Type())
}

// isTupleWithHandler reports whether t is a tuple with a handler in it
// (a middleware constructor returning (http.Handler, error)).
func isTupleWithHandler(t types.Type, msets *typeutil.MethodSetCache) bool {
	tu, ok := t.(*types.Tuple)
	if !ok {
		return false
	}
	for i := 0; i < tu.Len(); i++ {
		if isHandlerType(tu.At(i).Type(), msets) {
			return true
		}
	}
	return false
}

// onlyRegisters reports whether handler parameter p (a router) is only
// the receiver of method calls in fn, or handed to helpers that only do
// that (h.addRoute(router, ...)): fn adds routes to it and hands it to no
// one else, so passing a router to fn adds no route to serve it.
func (h *handlings) onlyRegisters(p *ssa.Parameter) bool {
	if !isHandlerType(p.Type(), &p.Parent().Prog.MethodSets) || mayBeHandlerFunc(p.Type()) {
		return false
	}
	for _, u := range *p.Referrers() {
		switch u := u.(type) {
		case ssa.CallInstruction:
			if !isReceiver(u.Common(), p) && !h.registersArg(u.Common(), p) {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// registersArg reports whether call c only adds routes to its argument v.
func (h *handlings) registersArg(c *ssa.CallCommon, v ssa.Value) bool {
	callee := c.StaticCallee()
	i := slices.Index(c.Args, v)
	if callee == nil || i < 0 {
		return false
	}
	hd := h.of(callee)
	return hd != nil && slices.Contains(hd.Registers, i)
}

// mayBeHandlerFunc reports whether t is a func type.
func mayBeHandlerFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// reachesBound reports whether handler value v reaches, on some path, a
// middleware that bounds the body of what it wraps: through conversions,
// wrapping calls and the routers it is registered on. A bound applied
// under a condition counts: it is a configured limit (confighttp bounds
// bodies when MaxRequestBodySize > 0, after defaulting it), and the rule
// asks that a limit exist, not what it is.
func (h *handlings) reachesBound(v ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[v] || v.Referrers() == nil {
		return false
	}
	seen[v] = true
	for _, u := range *v.Referrers() {
		switch u := u.(type) {
		case *ssa.ChangeType, *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.Phi, *ssa.Extract:
			if h.reachesBound(u.(ssa.Value), seen) {
				return true
			}
		case ssa.CallInstruction:
			if h.callReachesBound(v, u, seen) {
				return true
			}
		}
	}
	return false
}

// callReachesBound is reachesBound through one call taking v.
func (h *handlings) callReachesBound(v ssa.Value, call ssa.CallInstruction, seen map[ssa.Value]bool) bool {
	c := call.Common()
	if isReceiver(c, v) || c.Value == v {
		return false
	}
	i := slices.Index(c.Args, v)
	if callee := c.StaticCallee(); callee != nil && i >= 0 {
		if FuncName(callee) == "net/http.MaxBytesHandler" && i == 0 || h.boundsOf(callee, i) {
			return true
		}
	}
	if cv, ok := call.(*ssa.Call); ok && (isHandlerType(cv.Type(), &cv.Parent().Prog.MethodSets) || isTupleWithHandler(cv.Type(), &cv.Parent().Prog.MethodSets)) {
		return h.reachesBound(cv, seen)
	}
	if recv := receiverOf(c); recv != nil {
		return h.reachesBound(recv, seen)
	}
	return false
}

// onlyWritten reports whether the field address is only stored to.
func onlyWritten(fa *ssa.FieldAddr) bool {
	for _, u := range *fa.Referrers() {
		if st, ok := u.(*ssa.Store); !ok || st.Addr != fa {
			return false
		}
	}
	return true
}
