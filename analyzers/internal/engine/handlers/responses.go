package handlers

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// What a function does with an *http.Response it is handed, for
// httpbody/status-unchecked: a client's parse(resp, &out) helper that
// decodes the body without a look at the status reads the response as
// much as a decode in the caller does; one that checks the status (or
// hands the response somewhere unknown) may well reject an error page.

// ResponseReads reports whether call hands the response resp (an
// argument of it) to a function that reads its body and never looks at
// its status, by this package's code or an imported fact. An unknown
// callee is assumed to look.
func (r *Result) ResponseReads(call ssa.CallInstruction, resp ssa.Value) bool {
	callee := call.Common().StaticCallee()
	if callee == nil {
		return false
	}
	hd := r.h.of(callee)
	if hd == nil {
		return false
	}
	for i, a := range call.Common().Args {
		if flowsFrom(a, resp) && slices.Contains(hd.ReadsResponse, i) && !slices.Contains(hd.ChecksStatus, i) {
			return true
		}
	}
	return false
}

// ClosureReads reports whether calling the closure mc reads the body of
// the response it captures as binding i (by value or in its variable)
// and never looks at that response's status.
func (r *Result) ClosureReads(mc *ssa.MakeClosure, i int) bool {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok || i >= len(fn.FreeVars) {
		return false
	}
	fv := fn.FreeVars[i]
	if typematch.PointerTo(fv.Type(), "net/http", "Response") {
		reads, checks := r.h.responseUse(fv)
		return reads && !checks
	}
	// Captured by reference: each load of the variable is the response.
	reads := false
	for _, u := range *fv.Referrers() {
		load, ok := u.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			return false // stored to, or handed on: unknown
		}
		rd, checks := r.h.responseUse(load)
		if checks {
			return false
		}
		reads = reads || rd
	}
	return reads
}

// responseUse computes, for an *http.Response value p (a parameter, or
// a closure's captured response), whether its function reads its body
// and whether it may look at its status.
func (h *handlings) responseUse(p ssa.Value) (reads, checks bool) {
	if !typematch.PointerTo(p.Type(), "net/http", "Response") {
		return false, false
	}
	for _, u := range *p.Referrers() {
		switch u := u.(type) {
		case *ssa.FieldAddr:
			switch typematch.FieldName(p.Type(), u.Field) {
			case "StatusCode", "Status":
				checks = true
			case "Body":
				reads = reads || h.bodyRead(u)
			}
		case ssa.CallInstruction:
			r, c := h.handedOn(u, p)
			reads, checks = reads || r, checks || c
		case *ssa.DebugRef:
		case *ssa.BinOp:
			// resp == nil: not a look at the status, not a read.
		default:
			// Stored, returned, captured, converted: someone else may look.
			checks = true
		}
	}
	return reads, checks
}

// handedOn reports what passing p to call does: a callee with a summary
// reads and checks as it says; an unknown one counts as a look.
func (h *handlings) handedOn(call ssa.CallInstruction, p ssa.Value) (reads, checks bool) {
	callee := call.Common().StaticCallee()
	if callee == nil || h.inProgress[callee] {
		return false, true
	}
	hd := h.of(callee)
	if hd == nil {
		return false, true
	}
	for i, a := range call.Common().Args {
		if a == p {
			reads = reads || slices.Contains(hd.ReadsResponse, i)
			checks = checks || slices.Contains(hd.ChecksStatus, i)
		}
	}
	return reads, checks
}

// bodyRead reports whether the body at fa is loaded and read: handed to a
// call other than a drain into io.Discard or a Close, or read directly.
func (h *handlings) bodyRead(fa *ssa.FieldAddr) bool {
	for _, l := range *fa.Referrers() {
		load, ok := l.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			continue
		}
		for _, call := range callsTaking(load) {
			c := call.Common()
			if c.IsInvoke() {
				if c.Method.Name() == "Read" {
					return true
				}
				continue // Close, or a method of something else
			}
			if Drains(call) {
				continue // drained, as a caller would: not read for its content
			}
			if h.readsArgAll(call, load) {
				return true
			}
		}
	}
	return false
}

// Drains reports whether call drains a reader without using its bytes:
// io.Copy, io.CopyN or io.CopyBuffer into io.Discard (or ioutil.Discard),
// or an io.ReadAll (ioutil.ReadAll) whose bytes are dropped. A body
// drained so its connection can be reused is not read for its content.
func Drains(call ssa.CallInstruction) bool {
	c := call.Common()
	fn := c.StaticCallee()
	if fn == nil || fn.Pkg == nil || len(c.Args) == 0 {
		return false
	}
	path := fn.Pkg.Pkg.Path()
	switch {
	case path == "io" && (fn.Name() == "Copy" || fn.Name() == "CopyN" || fn.Name() == "CopyBuffer"):
		return flow.IsDiscard(c.Args[0])
	case (path == "io" || path == "io/ioutil") && fn.Name() == "ReadAll":
		v := call.Value()
		return v != nil && !usesResult(v, 0)
	}
	return false
}

// usesResult reports whether result i of the tuple-valued call v is used.
func usesResult(v ssa.Value, i int) bool {
	for _, r := range *v.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == i && len(*e.Referrers()) > 0 {
			return true
		}
	}
	return false
}
