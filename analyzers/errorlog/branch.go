package errorlog

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// errBranch is the body of an `if err != nil` (or the else of an
// `if err == nil`) where err is an error produced by a call in the same
// function.
type errBranch struct {
	fn *ssa.Function
	// err is the tested value; alloc is the variable it was loaded from
	// when err lives in memory (captured by a closure, address taken).
	err   ssa.Value
	alloc *ssa.Alloc
	// call produced the error; cmp is the nil comparison. For a branch
	// on an error received from a channel (recvErrBranches), call is nil
	// and recv is the first receive it may come from.
	call *ssa.CallCommon
	recv ssa.Instruction
	cmp  *ssa.BinOp
	// entry is the block where err is known non-nil; region holds the
	// blocks it dominates.
	entry  *ssa.BasicBlock
	region map[*ssa.BasicBlock]bool
	// body is the branch's syntax; errExpr the tested operand.
	body    *ast.BlockStmt
	errExpr ast.Expr
}

// errBranches finds fn's branches taken when a call's error is non-nil.
// Only a condition that is exactly the nil comparison counts: compound
// conditions (`err != nil && !retry`) are deliberate filters.
func (c *checker) errBranches(fn *ssa.Function) []*errBranch {
	return c.branchesOf(fn, c.errTest)
}

// recvErrBranches finds fn's branches taken when an error received from a
// channel is non-nil (a worker's result, gathered in a select loop), for
// the rules that hold such an error to a call's standard.
func (c *checker) recvErrBranches(fn *ssa.Function) []*errBranch {
	return c.branchesOf(fn, c.recvErrTest)
}

// branchesOf finds fn's branches opened by the nil tests test accepts.
func (c *checker) branchesOf(fn *ssa.Function, test errTestFunc) []*errBranch {
	var out []*errBranch
	for _, b := range fn.Blocks {
		br := c.errBranchAt(fn, b, test)
		if br != nil {
			out = append(out, br)
		}
	}
	return out
}

// errTestFunc returns the nil test cmp of an error in fn, with its if
// statement, or nil.
type errTestFunc func(fn *ssa.Function, cmp *ssa.BinOp) (*errBranch, *ast.IfStmt)

// errBranchAt returns the error branch b's If opens, or nil.
func (c *checker) errBranchAt(fn *ssa.Function, b *ssa.BasicBlock, test errTestFunc) *errBranch {
	if len(b.Instrs) == 0 {
		return nil
	}
	ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return nil
	}
	cmp, ok := ifi.Cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.NEQ && cmp.Op != token.EQL) {
		return nil
	}
	br, ifStmt := test(fn, cmp)
	if br == nil {
		return nil
	}
	if cmp.Op == token.NEQ {
		br.entry, br.body = b.Succs[0], ifStmt.Body
	} else {
		els, ok := ifStmt.Else.(*ast.BlockStmt)
		if !ok {
			return nil
		}
		br.entry, br.body = b.Succs[1], els
	}
	if len(br.entry.Preds) != 1 {
		return nil // the branch is reached some other way too
	}
	br.region = dominated(br.entry)
	return br
}

// errTest returns the nil test cmp of a call's error in fn, with its if
// statement, or nil; the caller picks the branch (body, entry, region).
func (c *checker) errTest(fn *ssa.Function, cmp *ssa.BinOp) (*errBranch, *ast.IfStmt) {
	errv := nilComparedError(cmp)
	if errv == nil {
		return nil, nil
	}
	call, alloc := errorOrigin(errv)
	if call == nil || isContextErr(call) || isExistenceProbe(call) {
		return nil, nil
	}
	ifStmt, errExpr := c.ifStmtOf(cmp)
	if ifStmt == nil {
		return nil, nil
	}
	return &errBranch{fn: fn, err: errv, alloc: alloc, call: call, cmp: cmp, errExpr: errExpr}, ifStmt
}

// recvErrTest is errTest for an error that only channel receives produce
// (nil until one arrives).
func (c *checker) recvErrTest(fn *ssa.Function, cmp *ssa.BinOp) (*errBranch, *ast.IfStmt) {
	errv := nilComparedError(cmp)
	if errv == nil {
		return nil, nil
	}
	recv := receiveOrigin(errv)
	if recv == nil {
		return nil, nil
	}
	ifStmt, errExpr := c.ifStmtOf(cmp)
	if ifStmt == nil {
		return nil, nil
	}
	return &errBranch{fn: fn, err: errv, recv: recv, cmp: cmp, errExpr: errExpr}, ifStmt
}

// receiveOrigin returns the earliest channel receive v comes from when
// every value v may hold, through phis, is a received one or the constant
// nil (var err error; for ... { select { case err = <-errc: ... } }), with
// at least one receive; nil otherwise.
func receiveOrigin(v ssa.Value) ssa.Instruction {
	var first ssa.Instruction
	note := func(ins ssa.Instruction) {
		if first == nil || ins.Pos() < first.Pos() {
			first = ins
		}
	}
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value) bool
	walk = func(v ssa.Value) bool {
		if seen[v] {
			return true
		}
		seen[v] = true
		switch v := v.(type) {
		case *ssa.Const:
			return v.IsNil()
		case *ssa.Phi:
			for _, e := range v.Edges {
				if !walk(e) {
					return false
				}
			}
			return true
		case *ssa.UnOp:
			if v.Op == token.ARROW && !v.CommaOk {
				note(v)
				return true
			}
		case *ssa.Extract:
			switch t := v.Tuple.(type) {
			case *ssa.Select:
				if v.Index >= 2 { // (index, recvOk, r_0, ...)
					note(t)
					return true
				}
			case *ssa.UnOp:
				if t.Op == token.ARROW && v.Index == 0 {
					note(t)
					return true
				}
			}
		}
		return false
	}
	if !walk(v) {
		return nil
	}
	return first
}

// nilComparedError returns the error-typed operand cmp compares with nil.
func nilComparedError(cmp *ssa.BinOp) ssa.Value {
	x := flow.NilCompared(cmp)
	if x == nil || !isErrorType(x.Type()) {
		return nil
	}
	return x
}

// errorOrigin returns the call that produced v (an error result of a call,
// possibly stored in and loaded from a local variable), or nil when v is a
// parameter, a field, or anything else the function did not produce.
func errorOrigin(v ssa.Value) (*ssa.CallCommon, *ssa.Alloc) {
	if call := callResult(v); call != nil {
		return call, nil
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		// err captured by a closure lives in an Alloc: the last call
		// stored into it before the load is the origin.
		alloc, ok := v.X.(*ssa.Alloc)
		if !ok || v.Op != token.MUL {
			return nil, nil
		}
		if call := lastStoredCall(alloc, v); call != nil {
			return call, alloc
		}
	}
	return nil, nil
}

// callResult returns the call v is a result of, or nil.
func callResult(v ssa.Value) *ssa.CallCommon {
	switch v := v.(type) {
	case *ssa.Call:
		return v.Common()
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return call.Common()
		}
	}
	return nil
}

// lastStoredCall returns the call whose error was last stored into alloc
// before load in load's block (or any single store of a call).
func lastStoredCall(alloc *ssa.Alloc, load *ssa.UnOp) *ssa.CallCommon {
	var found *ssa.CallCommon
	for _, r := range *alloc.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Addr != alloc {
			continue
		}
		call := callResult(st.Val)
		if call == nil {
			continue
		}
		if st.Block() == load.Block() && st.Pos() < load.Pos() {
			return call
		}
		found = call
	}
	return found
}

// isContextErr reports whether call is ctx.Err(): a cancelled context is
// the caller's own decision, and returning quietly on it is the norm.
func isContextErr(call *ssa.CallCommon) bool {
	if call.IsInvoke() {
		return call.Method.Name() == "Err" && typematch.Named(call.Value.Type(), "context", "Context")
	}
	fn := call.StaticCallee()
	if fn == nil || fn.Signature.Recv() == nil || fn.Name() != "Err" {
		return false
	}
	return typematch.Named(fn.Signature.Recv().Type(), "context", "Context")
}

// isExistenceProbe reports whether call is os.Stat or os.Lstat (or io/fs's
// Stat and Lstat), whose error is routinely read as "the file is not
// there": the branch's message ("config.yml is missing") already says why.
func isExistenceProbe(call *ssa.CallCommon) bool {
	f := flow.CalleeFunc(call)
	if f == nil || f.Pkg() == nil || (f.Name() != "Stat" && f.Name() != "Lstat") || f.Signature().Recv() != nil {
		return false
	}
	return f.Pkg().Path() == "os" || f.Pkg().Path() == "io/fs"
}

// ifStmtOf returns the if statement whose whole condition is cmp, and the
// expression compared with nil.
func (c *checker) ifStmtOf(cmp *ssa.BinOp) (*ast.IfStmt, ast.Expr) {
	f := c.fileOf(cmp.Pos())
	if f == nil {
		return nil, nil
	}
	path, _ := astutil.PathEnclosingInterval(f, cmp.Pos(), cmp.Pos())
	for i, n := range path {
		bin, ok := n.(*ast.BinaryExpr)
		if !ok || bin.OpPos != cmp.Pos() {
			continue
		}
		if i+1 >= len(path) {
			return nil, nil
		}
		ifs, ok := path[i+1].(*ast.IfStmt)
		if !ok || ifs.Cond != ast.Expr(bin) {
			return nil, nil
		}
		if isNilIdent(bin.Y) {
			return ifs, bin.X
		}
		return ifs, bin.Y
	}
	return nil, nil
}

// isNilIdent reports whether e is the identifier nil.
func isNilIdent(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "nil"
}

// dominated returns the blocks entry dominates, entry included.
func dominated(entry *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	out := map[*ssa.BasicBlock]bool{}
	var walk func(b *ssa.BasicBlock)
	walk = func(b *ssa.BasicBlock) {
		out[b] = true
		for _, d := range b.Dominees() {
			walk(d)
		}
	}
	walk(entry)
	return out
}

// inBody reports whether instr is inside the branch's syntax.
func (br *errBranch) inBody(instr ssa.Instruction) bool {
	return br.region[instr.Block()] && instr.Pos() >= br.body.Lbrace && instr.Pos() <= br.body.Rbrace
}

// errUsed reports whether the branch does anything with the error beyond
// the nil comparison: passing it on, wrapping, logging, storing, comparing
// it with errors.Is, ... Anything counts; the rules only speak about
// branches that ignore the error entirely.
func (br *errBranch) errUsed() bool {
	for _, r := range *br.err.Referrers() {
		if r == ssa.Instruction(br.cmp) || isNilCompare(r) {
			continue
		}
		// A use in the branch, or before the test on every path (the
		// error was appended to a list, stored, handed on, then tested).
		if br.region[r.Block()] || r.Block().Dominates(br.cmp.Block()) {
			return true
		}
	}
	if len(br.reevaluations()) > 0 {
		return true
	}
	if br.alloc == nil {
		return false
	}
	for _, r := range *br.alloc.Referrers() {
		if !br.region[r.Block()] {
			continue
		}
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr == br.alloc && r.Val != br.alloc {
				continue // overwriting err is not using it
			}
		case *ssa.UnOp:
			if !loadOnlyCompared(r) {
				return true
			}
			continue
		}
		return true
	}
	return false
}

// reevaluations returns the calls in the branch that fetch the same error
// again: wresp.Err(), s.Err(), nc.LastError() on the same receiver with
// the same operands as the call that was tested.
func (br *errBranch) reevaluations() []*ssa.Call {
	if br.call == nil {
		return nil
	}
	var out []*ssa.Call
	for _, b := range br.fn.Blocks {
		if !br.region[b] {
			continue
		}
		for _, ins := range b.Instrs {
			if call, ok := ins.(*ssa.Call); ok && call.Common() != br.call && sameCall(call.Common(), br.call) {
				out = append(out, call)
			}
		}
	}
	return out
}

// sameCall reports whether a and b call the same function on the same
// operands.
func sameCall(a, b *ssa.CallCommon) bool {
	if a.IsInvoke() != b.IsInvoke() || len(a.Args) != len(b.Args) {
		return false
	}
	if a.IsInvoke() {
		if a.Method != b.Method || !sameOperand(a.Value, b.Value) {
			return false
		}
	} else if fa, fb := a.StaticCallee(), b.StaticCallee(); fa == nil || fa != fb {
		return false
	}
	for i := range a.Args {
		if !sameOperand(a.Args[i], b.Args[i]) {
			return false
		}
	}
	return true
}

// sameOperand reports whether a and b are the same value, or loads of the
// same variable or field.
func sameOperand(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	la, ok1 := a.(*ssa.UnOp)
	lb, ok2 := b.(*ssa.UnOp)
	if ok1 && ok2 && la.Op == token.MUL && lb.Op == token.MUL {
		return sameOperand(la.X, lb.X)
	}
	fa, ok1 := a.(*ssa.FieldAddr)
	fb, ok2 := b.(*ssa.FieldAddr)
	if ok1 && ok2 && fa.Field == fb.Field {
		return sameOperand(fa.X, fb.X)
	}
	ca, ok1 := a.(*ssa.Const)
	cb, ok2 := b.(*ssa.Const)
	return ok1 && ok2 && ca.Value != nil && cb.Value != nil && ca.Value.ExactString() == cb.Value.ExactString() && types.Identical(ca.Type(), cb.Type())
}

// seeds returns the values that stand for the tested error: the value,
// its variable, and fetches of the same error in the branch.
func (br *errBranch) seeds() []ssa.Value {
	out := []ssa.Value{br.err}
	if br.alloc != nil {
		out = append(out, br.alloc)
	}
	for _, c := range br.reevaluations() {
		out = append(out, c)
	}
	return out
}

// isNilCompare reports whether instr compares a value with nil.
func isNilCompare(instr ssa.Instruction) bool {
	b, ok := instr.(*ssa.BinOp)
	return ok && flow.NilCompared(b) != nil
}

// loadOnlyCompared reports whether a load of err is only compared with nil.
func loadOnlyCompared(load *ssa.UnOp) bool {
	for _, r := range *load.Referrers() {
		if !isNilCompare(r) {
			return false
		}
	}
	return true
}

// calleeName renders the function that produced the error for messages.
func calleeName(call *ssa.CallCommon) string {
	if call.IsInvoke() {
		return call.Method.Name()
	}
	if fn := call.StaticCallee(); fn != nil {
		if recv := fn.Signature.Recv(); recv != nil {
			return flow.TypeName(recv.Type()) + "." + fn.Name()
		}
		if fn.Pkg != nil && fn.Parent() == nil {
			return fn.Pkg.Pkg.Name() + "." + fn.Name()
		}
		return fn.Name()
	}
	return "the call"
}

// returned returns result i of ret, looking through the result variable a
// function with defers returns from (`*t0 = nil; rundefers; return *t0`).
func returned(ret *ssa.Return, i int) ssa.Value {
	v := ret.Results[i]
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return v
	}
	alloc, ok := load.X.(*ssa.Alloc)
	if !ok {
		return v
	}
	var last ssa.Value
	for _, ins := range ret.Block().Instrs {
		if ins == ssa.Instruction(load) {
			break
		}
		if st, ok := ins.(*ssa.Store); ok && st.Addr == alloc {
			last = st.Val
		}
	}
	if last == nil {
		return v
	}
	return last
}
