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
	seeds := []ssa.Value{br.err}
	if br.alloc != nil {
		seeds = append(seeds, br.alloc)
	}
	tainted := taint(seeds...)
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
		log := logs[0]
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
