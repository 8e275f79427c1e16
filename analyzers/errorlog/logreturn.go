package errorlog

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// log-and-return is reported where the double log happens: at a caller
// that logs an error its callee already logged before returning it. A
// function that logs and returns is not wrong in itself: a gRPC or HTTP
// handler returns the error to a remote client, and its log line is the
// server's only record (etcd's Downgrade, jaeger's collector). Whether a
// caller logs it again is known only at the caller, so the callee's side
// is a contract fact (LoggedResult), and the caller reports.

// checkLogAndReturn reports a log call, in a branch on a call's error,
// that logs the error again although the callee's contract says it
// logged that error before returning it.
func (c *checker) checkLogAndReturn(br *errBranch) {
	if !c.logs.contract(br.call).LoggedResult {
		return
	}
	tainted := taint(br.seeds()...)
	logs := br.calls(func(call *ssa.CallCommon) bool { return c.logsTainted(call, tainted) && !isTestingCall(call) })
	if len(logs) == 0 {
		return
	}
	name := calleeName(br.call)
	msg := fmt.Sprintf("the error from %s (line %d) is logged here, but %s has already logged it before returning it, so the one failure is logged twice; log it in one place: drop this log line, or have %s return it with context without logging",
		name, c.line(br.call.Pos()), name, name)
	pos, end := c.callRange(logs[0].Pos())
	d := analysis.Diagnostic{Pos: pos, End: end, Category: RuleLogAndReturn, Message: msg}
	if at, ok := c.logs.loggedAt[br.call.StaticCallee()]; ok {
		d.Related = []analysis.RelatedInformation{{Pos: at, End: at, Message: "first logged here"}}
	}
	c.pass.Report(d)
}

// loggedResult reports whether fn may return an error that has already
// been logged: in a branch on a call's error it logs the error and
// returns it (or a wrap), or it returns the error of a callee whose
// contract says the same. It records the first log position of fn.
func (s *logging) loggedResult(fn *ssa.Function) bool {
	res := errorResult(fn.Signature)
	if res < 0 {
		return false
	}
	logs := anyCall(fn, s.isLog) || anyCall(fn, func(call *ssa.CallCommon) bool { return s.summary(call).Params != 0 })
	for _, br := range s.branchesOf(fn, logs) {
		if log, _ := s.chk.loggedAndReturned(br, res); log != nil {
			if _, ok := s.loggedAt[fn]; !ok {
				s.loggedAt[fn] = log.Pos()
			}
			return true
		}
	}
	var seeds []ssa.Value
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			if call, ok := ins.(*ssa.Call); ok && s.contract(call.Common()).LoggedResult {
				seeds = append(seeds, errorValue(call)...)
			}
		}
	}
	if len(seeds) == 0 {
		return false
	}
	tainted := taint(seeds...)
	for _, r := range returns(fn) {
		if len(r.Results) > res && tainted[returned(r, res)] {
			return true
		}
	}
	return false
}

// branchesOf returns fn's error branches, computed once, or none when
// fn makes no log call (finding branches reads the syntax: the summary
// runs on every dependency).
func (s *logging) branchesOf(fn *ssa.Function, logs bool) []*errBranch {
	if !logs {
		return nil
	}
	brs, ok := s.branches[fn]
	if !ok {
		brs = s.chk.errBranches(fn)
		s.branches[fn] = brs
	}
	return brs
}

// errorValue returns the value standing for call's error result.
func errorValue(call *ssa.Call) []ssa.Value {
	sig := call.Call.Signature()
	i := errorResult(sig)
	if i < 0 {
		return nil
	}
	if sig.Results().Len() == 1 {
		return []ssa.Value{call}
	}
	var out []ssa.Value
	for _, r := range *call.Referrers() {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == i {
			out = append(out, ex)
		}
	}
	return out
}

// loggedAndReturned returns a log call in the branch that carries the
// error and a return after it that returns the error (or a wrap of it)
// as result res, or nils.
func (c *checker) loggedAndReturned(br *errBranch, res int) (*ssa.CallCommon, *ssa.Return) {
	tainted := taint(br.seeds()...)
	logs := br.calls(func(call *ssa.CallCommon) bool { return c.logsTainted(call, tainted) && !isTestingCall(call) })
	if len(logs) == 0 {
		return nil, nil
	}
	for _, b := range br.fn.Blocks {
		if !br.region[b] {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || !br.inBody(ret) || len(ret.Results) <= res || !tainted[returned(ret, res)] {
			continue
		}
		if log := firstPreceding(logs, ret, br.region); log != nil {
			return log, ret
		}
		// logged on another path than this return
	}
	return nil, nil
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
		if b == ret.Block() || flow.ReachesWithin(b, ret.Block(), region) {
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
	f := flow.CalleeFunc(call)
	return f != nil && f.Pkg() != nil && f.Pkg().Path() == "testing"
}
