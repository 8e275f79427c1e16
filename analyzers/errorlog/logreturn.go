package errorlog

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
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
	logs := br.calls(func(call *ssa.CallCommon) bool { return c.logsTainted(call, tainted) })
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
		log := firstPreceding(logs, ret)
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

// firstPreceding returns the first of calls on a path to ret: in ret's
// block before it, or in a block from which ret's block is reachable.
func firstPreceding(calls []*ssa.CallCommon, ret *ssa.Return) *ssa.CallCommon {
	for _, c := range calls {
		b := callBlock(ret.Block(), c)
		if b == nil {
			continue
		}
		if b == ret.Block() || reaches(b, ret.Block()) {
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

// reaches reports whether to is reachable from from's successors.
func reaches(from, to *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{}
	work := append([]*ssa.BasicBlock(nil), from.Succs...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if b == to {
			return true
		}
		if seen[b] {
			continue
		}
		seen[b] = true
		work = append(work, b.Succs...)
	}
	return false
}
