package goroutineleak

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// checkWaitGroupDone reports goroutines started by fn, after a
// WaitGroup.Add, that call Done on some paths but return without it on
// another: the matching Wait blocks forever.
func (p *passState) checkWaitGroupDone(fn *ssa.Function) {
	add := firstWaitGroupCall(fn, "Add")
	if add == nil {
		return
	}
	p.localGoBodies(fn, func(_ *ssa.Go, body *ssa.Function) {
		if ret := returnWithoutDone(body); ret != nil {
			p.reportDoneMissing(body, ret, add)
		}
	})
}

// firstWaitGroupCall returns fn's first call of the WaitGroup method name.
func firstWaitGroupCall(fn *ssa.Function, name string) *ssa.Call {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			if c, ok := ins.(*ssa.Call); ok && isWaitGroupMethod(c.Common(), name) {
				return c
			}
		}
	}
	return nil
}

// isWaitGroupMethod reports whether c calls (*sync.WaitGroup).name.
func isWaitGroupMethod(c *ssa.CallCommon, name string) bool {
	callee := c.StaticCallee()
	if callee == nil || callee.Name() != name || callee.Signature.Recv() == nil {
		return false
	}
	return typematch.PointerTo(callee.Signature.Recv().Type(), "sync", "WaitGroup")
}

// returnWithoutDone returns a return of the goroutine body reachable from
// its entry without calling (or deferring) Done, when another path does call
// it; nil when every path calls Done, or none does (then the count is
// someone else's business), or Done is called in a loop (counted work).
func returnWithoutDone(fn *ssa.Function) *ssa.Return {
	dones := 0
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			if releasesWaitGroup(ins) {
				if flow.InCycle(b) {
					return nil
				}
				dones++
			}
		}
	}
	if dones == 0 {
		return nil
	}
	var first *ssa.Return
	stop := func(ins ssa.Instruction) bool { return releasesWaitGroup(ins) || flow.NoReturn(ins) }
	for _, ret := range chanflow.ReturnsWithout(fn, stop) {
		if first == nil || returnPos(fn, ret) < returnPos(fn, first) {
			first = ret // the earliest in the source reads best
		}
	}
	return first
}

// releasesWaitGroup reports whether ins calls or defers WaitGroup.Done,
// directly or in a deferred closure, or hands a WaitGroup to a function
// (a helper that calls Done).
func releasesWaitGroup(ins ssa.Instruction) bool {
	var c *ssa.CallCommon
	switch ins := ins.(type) {
	case *ssa.Call:
		c = ins.Common()
	case *ssa.Defer:
		c = ins.Common()
	case *ssa.Go:
		c = ins.Common()
	default:
		return false
	}
	if isWaitGroupMethod(c, "Done") {
		return true
	}
	if isWaitGroupMethod(c, "Add") || isWaitGroupMethod(c, "Wait") {
		return false
	}
	for _, a := range c.Args {
		if typematch.PointerTo(a.Type(), "sync", "WaitGroup") {
			return true
		}
	}
	if _, deferred := ins.(*ssa.Defer); deferred {
		if callee := c.StaticCallee(); callee != nil && callee.Blocks != nil {
			return callsDone(callee)
		}
	}
	return false
}

// callsDone reports whether fn (a deferred closure) calls Done.
func callsDone(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			if c, ok := ins.(*ssa.Call); ok && isWaitGroupMethod(c.Common(), "Done") {
				return true
			}
		}
	}
	return false
}

// reportDoneMissing reports the return that skips Done.
func (p *passState) reportDoneMissing(body *ssa.Function, ret *ssa.Return, add *ssa.Call) {
	pos := returnPos(body, ret)
	end := pos + 1
	if ret.Pos().IsValid() {
		end = pos + token.Pos(len("return"))
	}
	p.pass.Report(analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: RuleWaitGroupDoneMissing,
		Message: fmt.Sprintf("goroutine counted by WaitGroup.Add (line %d) returns here without calling Done, so Wait blocks forever; call defer wg.Done() first thing in the goroutine",
			p.line(add.Pos())),
		Related: []analysis.RelatedInformation{{Pos: add.Pos(), Message: "counted here"}},
	})
}
