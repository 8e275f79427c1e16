package errorlog

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/ssautil"
)

// checkLogAndReturn reports a branch that logs the error and returns it
// (or a wrap of it): every caller up the stack that does the same logs the
// one failure again.
func (c *checker) checkLogAndReturn(br *errBranch) {
	res := errorResult(br.fn.Signature)
	if res < 0 {
		return
	}
	tainted := taint(br.seeds()...)
	logs := br.calls(func(call *ssa.CallCommon) bool { return c.logsTainted(call, tainted) && !isTestingCall(call) })
	if len(logs) == 0 {
		return
	}
	for _, b := range br.fn.Blocks {
		if !br.region[b] {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || !br.inBody(ret) || len(ret.Results) <= res || !tainted[returned(ret, res)] {
			continue
		}
		log := firstPreceding(logs, ret, br.region)
		if log == nil {
			continue // logged on another path than this return
		}
		msg := fmt.Sprintf("the error from %s (line %d) is logged here and also returned (line %d), so it is logged again by every caller that handles it; return it with context and let the caller log it, or log it and stop here",
			calleeName(br.call), c.line(br.call.Pos()), c.line(ret.Pos()))
		pos, end := c.callRange(log.Pos())
		c.pass.Report(analysis.Diagnostic{
			Pos: pos, End: end, Category: RuleLogAndReturn, Message: msg,
			Related: []analysis.RelatedInformation{{Pos: ret.Pos(), End: ret.Pos(), Message: "returned here"}},
		})
		return
	}
}

// firstPreceding returns the first of calls on a path to ret inside the
// branch: in ret's block before it, or in a block of the branch from which
// ret's block is reachable without leaving it (a log line before a retry's
// continue belongs to another error than the one returned after the loop).
func firstPreceding(calls []*ssa.CallCommon, ret *ssa.Return, region map[*ssa.BasicBlock]bool) *ssa.CallCommon {
	for _, c := range calls {
		b := callBlock(ret.Block(), c)
		if b == nil {
			continue
		}
		if b == ret.Block() || ssautil.ReachesWithin(b, ret.Block(), region) {
			return c
		}
	}
	return nil
}

// callBlock returns the block of the instruction whose call is c,
// searching from fn's blocks.
func callBlock(any *ssa.BasicBlock, c *ssa.CallCommon) *ssa.BasicBlock {
	for _, b := range any.Parent().Blocks {
		for _, ins := range b.Instrs {
			if ci, ok := ins.(ssa.CallInstruction); ok && ci.Common() == c {
				return b
			}
		}
	}
	return nil
}

// isTestingCall reports whether call is a testing.T/B/F method: a test
// helper that fails the test and returns the error reports it to two
// different audiences, not twice to the same log.
func isTestingCall(call *ssa.CallCommon) bool {
	f := calleeFunc(call)
	return f != nil && f.Pkg() != nil && f.Pkg().Path() == "testing"
}
