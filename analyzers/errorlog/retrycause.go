package errorlog

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// A retry loop that drops the cause: a call's error is tested in a loop,
// the failure goes round again and the success leaves it; once the loop
// gives up, the function returns a new error (errors.New, fmt.Errorf) that
// the attempts' error never reaches. "retries exhausted" is all the caller
// learns; the refused connection or the 503 is gone.
//
// Left alone: an error used for anything but its nil test (kept in a
// variable and wrapped or returned, logged, classified by a helper); a
// returned sentinel or ctx.Err() (an answer the API documents); a new
// error that wraps or formats another error; loops whose failure returns
// at once (they walk items, they do not retry); returns the loop's giving
// up does not lead to (a later step's failure, a check in a later
// iteration or of an enclosing loop); and loops that try one input
// against alternatives (a message against each key, a string against
// each layout), where every alternative but one is expected to fail and
// its error says only that it does not fit.

// retry is a loop that retried call and dropped its error.
type retry struct {
	call   *ssa.CallCommon
	at     *ssa.BasicBlock // the call's block
	failed *ssa.BasicBlock // where the failure goes
	loop   *loop
	errs   map[ssa.Value]bool // the error and the phis it flows into
	// leaves is whether the success leaves the loop; when it does not,
	// the call is one step of an attempt.
	leaves bool
}

// loop is the innermost natural loop around a block.
type loop struct {
	head *ssa.BasicBlock
	body map[*ssa.BasicBlock]bool
}

// checkRetryCause reports fn's returns of a new error after a retry loop
// that dropped the attempts' error.
func (c *checker) checkRetryCause(fn *ssa.Function) {
	res := errorResult(fn.Signature)
	if res < 0 {
		return
	}
	var retries []*retry
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		fresh, ok := ret.Results[res].(*ssa.Call)
		if !ok || !isErrorConstructor(fresh.Common()) || carriesError(fresh.Common()) {
			continue
		}
		if retries == nil {
			retries = retryLoops(fn)
		}
		for _, r := range retries {
			if r.leaves && r.givesUpAt(b) && !triesAlternatives(r, retries) {
				c.reportRetryCause(fresh, r.call)
				break
			}
		}
	}
}

// retryLoops returns the calls of fn that a loop retries, dropping their
// error: a failure goes round again.
func retryLoops(fn *ssa.Function) []*retry {
	out := []*retry{}
	for _, b := range fn.Blocks {
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if cmp, ok := ifi.Cond.(*ssa.BinOp); ok && isNilCompare(cmp) {
			if r := droppedRetry(b, cmp); r != nil {
				out = append(out, r)
			}
		}
	}
	return out
}

// droppedRetry returns the retry whose error cmp (b's branch) tests if that
// error is used for nothing else and its failure goes round the innermost
// loop back to the call.
func droppedRetry(b *ssa.BasicBlock, cmp *ssa.BinOp) *retry {
	errv := nilComparedError(cmp)
	if errv == nil {
		return nil
	}
	call := callResult(errv)
	errs := map[ssa.Value]bool{}
	if call == nil || !onlyNilTested(errv, errs) {
		return nil
	}
	at := errv.(ssa.Instruction).Block()
	l := innermostLoop(at)
	if l == nil {
		return nil
	}
	failed, succeeded := b.Succs[0], b.Succs[1]
	if cmp.Op == token.EQL {
		failed, succeeded = succeeded, failed
	}
	if !l.body[failed] || failed != at && !flow.ReachesWithin(failed, at, l.body) {
		return nil
	}
	return &retry{call: call, at: at, failed: failed, loop: l, errs: errs, leaves: !l.body[succeeded]}
}

// innermostLoop returns the innermost natural loop holding b, or nil.
func innermostLoop(b *ssa.BasicBlock) *loop {
	for h := b; h != nil; h = h.Idom() {
		body := flow.NaturalLoop(h)
		if body[b] {
			return &loop{head: h, body: body}
		}
	}
	return nil
}

// givesUpAt reports whether the return block ret is where r's loop leads
// when it gives up: from the failure, round the loop to an exit that ends
// the attempts (the loop's own test, or one on the way from the failure
// back to it), then on to ret without coming back to the loop, passing
// another error's test, or the success.
func (r *retry) givesUpAt(ret *ssa.BasicBlock) bool {
	exits := r.exits()
	found := false
	flow.Explore(r.failed, func(x *ssa.BasicBlock) ([]*ssa.BasicBlock, bool) {
		if x == ret {
			found = true
			return nil, true
		}
		if x == r.at || r.testsOtherError(x) {
			return nil, false
		}
		var next []*ssa.BasicBlock
		for _, y := range x.Succs {
			inside, leaving := r.loop.body[x], !r.loop.body[y]
			if inside && leaving && !exits[x] || !inside && flow.Reaches(y, r.loop.head) {
				continue
			}
			next = append(next, y)
		}
		return next, false
	})
	return found
}

// exits returns the blocks from which leaving r's loop is giving up: the
// loop's head and the call-free blocks of its condition, and the blocks on
// the way from the failure back to the head. An exit between the head and
// the call (a check of what a later step produced) is not.
func (r *retry) exits() map[*ssa.BasicBlock]bool {
	l := r.loop
	exits := map[*ssa.BasicBlock]bool{l.head: true}
	// mark adds the blocks of the loop reachable from start through the
	// blocks crossable allows (start itself included), not past an exit
	// already marked.
	mark := func(start *ssa.BasicBlock, crossable func(*ssa.BasicBlock) bool) {
		flow.Explore(start, func(x *ssa.BasicBlock) ([]*ssa.BasicBlock, bool) {
			if exits[x] || !l.body[x] || !crossable(x) {
				return nil, false
			}
			exits[x] = true
			return x.Succs, false
		})
	}
	mark(r.failed, func(*ssa.BasicBlock) bool { return true })
	for _, s := range l.head.Succs {
		mark(s, func(x *ssa.BasicBlock) bool { return x != r.at && !hasCall(x) })
	}
	return exits
}

// hasCall reports whether b calls anything.
func hasCall(b *ssa.BasicBlock) bool {
	for _, ins := range b.Instrs {
		if _, ok := ins.(ssa.CallInstruction); ok {
			return true
		}
	}
	return false
}

// testsOtherError reports whether b ends in a nil test of an error other
// than r's: what follows is about that error.
func (r *retry) testsOtherError(b *ssa.BasicBlock) bool {
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	cmp, ok := ifi.Cond.(*ssa.BinOp)
	if !ok || !isNilCompare(cmp) {
		return false
	}
	errv := nilComparedError(cmp)
	return errv != nil && !r.errs[errv]
}

// triesAlternatives reports whether r's call, or another step retried in
// its loop, feeds the same text or bytes to each alternative of an iteration
// (decrypt a message with each key, parse a time with each layout):
// failures there are the expected answer of the wrong alternatives.
func triesAlternatives(r *retry, all []*retry) bool {
	for _, o := range all {
		if o.loop.head == r.loop.head && feedsAlternatives(o.call, r.loop.body) {
			return true
		}
	}
	return false
}

// feedsAlternatives reports whether call takes, as an argument other than
// its receiver, text or bytes that do not change in the loop, while its
// function, receiver or another argument does.
func feedsAlternatives(call *ssa.CallCommon, body map[*ssa.BasicBlock]bool) bool {
	args := call.Args
	varies := !call.IsInvoke() && call.StaticCallee() == nil && !invariant(call.Value, body)
	if call.IsInvoke() {
		varies = !invariant(call.Value, body)
	} else if f := call.StaticCallee(); f != nil && f.Signature.Recv() != nil && len(args) > 0 {
		varies = !invariant(args[0], body)
		args = args[1:]
	}
	data := false
	for _, a := range args {
		if !invariant(a, body) {
			varies = true
		} else if _, k := a.(*ssa.Const); !k && isTextOrBytes(a.Type()) {
			data = true
		}
	}
	return varies && data
}

// invariant reports whether v is the same in every iteration of the loop
// body: defined outside it, or converted or sliced in it from such values.
func invariant(v ssa.Value, body map[*ssa.BasicBlock]bool) bool {
	switch v := v.(type) {
	case *ssa.Const, *ssa.Parameter, *ssa.FreeVar, *ssa.Global, *ssa.Function:
		return true
	case ssa.Instruction:
		if !body[v.Block()] {
			return true
		}
		switch v := v.(type) {
		case *ssa.Convert:
			return invariant(v.X, body)
		case *ssa.ChangeType:
			return invariant(v.X, body)
		case *ssa.MakeInterface:
			return invariant(v.X, body)
		case *ssa.Slice:
			return invariant(v.X, body) && (v.Low == nil || invariant(v.Low, body)) && (v.High == nil || invariant(v.High, body))
		}
	}
	return false
}

// isTextOrBytes reports whether t is a string or a byte slice.
func isTextOrBytes(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		e, ok := u.Elem().Underlying().(*types.Basic)
		return ok && e.Kind() == types.Byte
	}
	return false
}

// carriesError reports whether the error constructor call formats or wraps
// another error: the new error has a cause, if not the loop's.
func carriesError(call *ssa.CallCommon) bool {
	for _, a := range call.Args {
		if implementsError(a.Type()) {
			return true
		}
		s, ok := a.(*ssa.Slice)
		if !ok {
			continue
		}
		for _, r := range *s.X.Referrers() {
			ia, ok := r.(*ssa.IndexAddr)
			if !ok {
				continue
			}
			for _, u := range *ia.Referrers() {
				if st, ok := u.(*ssa.Store); ok && st.Addr == ia && storesError(st.Val) {
					return true
				}
			}
		}
	}
	return false
}

// storesError reports whether v, a variadic argument, is an error.
func storesError(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	return implementsError(v.Type())
}

// onlyNilTested reports whether v, and the phis it flows into, are only
// compared with nil: nothing keeps, logs, wraps or inspects the error.
// seen collects them.
func onlyNilTested(v ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true
	}
	seen[v] = true
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.Phi:
			if !onlyNilTested(r, seen) {
				return false
			}
		case *ssa.BinOp:
			if !isNilCompare(r) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// reportRetryCause reports the new error fresh, returned after a loop
// that retried call and dropped its error.
func (c *checker) reportRetryCause(fresh *ssa.Call, call *ssa.CallCommon) {
	pos, end := c.callRange(fresh.Pos())
	c.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: RuleRetryCauseLost,
		Message: fmt.Sprintf("the error returned after the retry loop does not carry the last attempt's error from %s (line %d): the caller learns that it failed, not why; keep the last error and wrap it (fmt.Errorf(\"...: %%w\", lastErr))",
			calleeName(call), c.line(call.Pos()))})
}
