package errorlog

import (
	"fmt"
	"go/token"
	"path/filepath"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// flattened returns where fn's error result may carry a cause flattened
// by fmt.Errorf with %v ("file.go:12"), and, when that fmt.Errorf is in
// this package, its position; "" when it cannot.
func (s *logging) flattened(fn *ssa.Function, res int) (string, token.Pos) {
	rets := returns(fn)
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok {
				continue
			}
			at, origin := s.flatOrigin(call)
			if at == "" || !returnsTainted(rets, res, errorValue(call)) {
				continue
			}
			return at, origin
		}
	}
	return "", token.NoPos
}

// flatOrigin says whether call's error may carry a flattened cause: it
// is a flattening fmt.Errorf of this package, or a call of a function
// whose contract says so.
func (s *logging) flatOrigin(call *ssa.Call) (string, token.Pos) {
	if _, ok := s.sites[call.Pos()]; ok && call.Pos().IsValid() {
		p := s.pass.Fset.Position(call.Pos())
		return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line), call.Pos()
	}
	at := s.contract(call.Common()).Flattened
	if at == "" {
		return "", token.NoPos
	}
	if fn := call.Call.StaticCallee(); fn != nil {
		return at, s.flatAt[fn]
	}
	return at, token.NoPos
}

// returnsTainted reports whether a return's result res is computed from
// the seeds.
func returnsTainted(rets []*ssa.Return, res int, seeds []ssa.Value) bool {
	if len(seeds) == 0 {
		return false
	}
	tainted := taint(seeds...)
	for _, r := range rets {
		if len(r.Results) > res && tainted[returned(r, res)] {
			return true
		}
	}
	return false
}

// checkInspected reports an inspection of an error (errors.Is, errors.As,
// a comparison with another error, a type assertion) whose value may
// carry a cause that fmt.Errorf flattened with %v: at the fmt.Errorf when
// it is in this package, else at the inspection.
func (c *checker) checkInspected(fn *ssa.Function, reported map[token.Pos]bool) {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok {
				continue
			}
			at, origin := c.logs.flatOrigin(call)
			if at == "" {
				continue
			}
			insp, how := inspection(fn, taint(errorValue(call)...))
			if insp == nil {
				continue
			}
			c.reportFlattened(call, at, origin, insp, how, reported)
		}
	}
}

// reportFlattened reports one flattened cause found inspected at insp.
func (c *checker) reportFlattened(call *ssa.Call, at string, origin token.Pos, insp ssa.Instruction, how string, reported map[token.Pos]bool) {
	if site, ok := c.logs.sites[origin]; ok {
		if !reported[origin] {
			reported[origin] = true
			c.reportWrapVerb(site, how, insp.Pos())
		}
		return
	}
	if reported[insp.Pos()] {
		return
	}
	reported[insp.Pos()] = true
	msg := fmt.Sprintf("%s inspects the error from %s, but on some path its cause was flattened to text by fmt.Errorf with %%v (%s): the inspection cannot see it; wrap the cause with %%w there",
		how, calleeName(call.Common()), at)
	pos, end := insp.Pos(), insp.Pos()+1
	if ci, ok := insp.(ssa.CallInstruction); ok {
		pos, end = c.callRange(ci.Common().Pos())
	}
	c.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: RuleWrapVerb, Message: msg})
}

// inspection returns the first instruction of fn that inspects a tainted
// error's identity, and how it does.
func inspection(fn *ssa.Function, tainted map[ssa.Value]bool) (ssa.Instruction, string) {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			switch ins := ins.(type) {
			case *ssa.Call:
				f := calleeFunc(ins.Common())
				if f != nil && f.Pkg() != nil && f.Pkg().Path() == "errors" && (f.Name() == "Is" || f.Name() == "As") &&
					len(ins.Call.Args) == 2 && tainted[ins.Call.Args[0]] {
					return ins, "errors." + f.Name()
				}
			case *ssa.BinOp:
				if (ins.Op == token.EQL || ins.Op == token.NEQ) && isErrorType(ins.X.Type()) && !isNilConst(ins.X) && !isNilConst(ins.Y) &&
					(tainted[ins.X] || tainted[ins.Y]) {
					return ins, "a comparison"
				}
			case *ssa.TypeAssert:
				if isErrorType(ins.X.Type()) && tainted[ins.X] {
					return ins, "a type assertion"
				}
			}
		}
	}
	return nil, ""
}
