package errorlog

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/ssautil"
)

// A retry loop that drops the cause: a call's error is tested in a loop,
// the failure goes round again and the success leaves it; once the loop
// gives up, the function returns a new error (errors.New, fmt.Errorf) that
// the attempts' error never reaches. "retries exhausted" is all the caller
// learns; the refused connection or the 503 is gone. Left alone: an error
// used for anything but its nil test (kept in a variable and wrapped or
// returned, logged, classified by a helper), a returned sentinel or
// ctx.Err() (an answer the API documents), and loops whose failure
// returns at once (they walk items, they do not retry).

// checkRetryCause reports fn's returns of a new error after a retry loop
// that dropped the attempts' error.
func (c *checker) checkRetryCause(fn *ssa.Function) {
	res := errorResult(fn.Signature)
	if res < 0 {
		return
	}
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		fresh, ok := ret.Results[res].(*ssa.Call)
		if !ok || !isErrorConstructor(fresh.Common()) {
			continue
		}
		if call := retriedError(fn, b); call != nil {
			c.reportRetryCause(fresh, call)
		}
	}
}

// retriedError returns the call whose error a loop before block after
// retried and dropped, or nil.
func retriedError(fn *ssa.Function, after *ssa.BasicBlock) *ssa.CallCommon {
	for _, b := range fn.Blocks {
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if cmp, ok := ifi.Cond.(*ssa.BinOp); ok && isNilCompare(cmp) {
			if call := droppedRetry(b, cmp, after); call != nil {
				return call
			}
		}
	}
	return nil
}

// droppedRetry returns the call whose error cmp (b's branch) tests if that error is
// tested and used for nothing else, its failure leads back to the call
// and its success out of the loop, and after is reached from the call but
// does not lead back to it.
func droppedRetry(b *ssa.BasicBlock, cmp *ssa.BinOp, after *ssa.BasicBlock) *ssa.CallCommon {
	errv := nilComparedError(cmp)
	if errv == nil {
		return nil
	}
	call := callResult(errv)
	if call == nil || !onlyNilTested(errv, map[ssa.Value]bool{}) {
		return nil
	}
	at := errv.(ssa.Instruction).Block()
	failed, succeeded := b.Succs[0], b.Succs[1]
	if cmp.Op == token.EQL {
		failed, succeeded = succeeded, failed
	}
	if reachesOrIs(failed, at) && !reachesOrIs(succeeded, at) && ssautil.Reaches(at, after) && !ssautil.Reaches(after, at) {
		return call
	}
	return nil
}

// onlyNilTested reports whether v, and the phis it flows into, are only
// compared with nil: nothing keeps, logs, wraps or inspects the error.
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

// reachesOrIs reports whether to is from or reachable from it.
func reachesOrIs(from, to *ssa.BasicBlock) bool {
	return from == to || ssautil.Reaches(from, to)
}

// reportRetryCause reports the new error fresh, returned after a loop
// that retried call and dropped its error.
func (c *checker) reportRetryCause(fresh *ssa.Call, call *ssa.CallCommon) {
	pos, end := c.callRange(fresh.Pos())
	c.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: RuleRetryCauseLost,
		Message: fmt.Sprintf("the error returned after the retry loop does not carry the last attempt's error from %s (line %d): the caller learns that it failed, not why; keep the last error and wrap it (fmt.Errorf(\"...: %%w\", lastErr))",
			calleeName(call), c.line(call.Pos()))})
}
