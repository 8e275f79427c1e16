package errorlog

import (
	"fmt"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// checkGoroutineDropped reports errors that die with a goroutine: the
// error result of the function a go statement starts (go srv.Serve(l)),
// and, in a function literal started with go, an error branch that does
// nothing with the error and returns. Nobody waits for a goroutine's
// return value: an error not sent, stored, or logged there is gone.
func (c *checker) checkGoroutineDropped(fn *ssa.Function) {
	if c.importsTesting() {
		return // test infrastructure: a background server's failure fails the test's requests (grpc's stubserver)
	}
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			g, ok := ins.(*ssa.Go)
			if !ok {
				continue
			}
			c.checkGoCall(g)
			if mc, ok := g.Call.Value.(*ssa.MakeClosure); ok {
				c.checkGoroutineBody(mc.Fn.(*ssa.Function))
			} else if lit, ok := g.Call.Value.(*ssa.Function); ok && lit.Parent() != nil {
				c.checkGoroutineBody(lit)
			}
		}
	}
}

// checkGoCall reports `go f()` where f returns an error.
func (c *checker) checkGoCall(g *ssa.Go) {
	sig := g.Call.Signature()
	if sig == nil || errorResult(sig) < 0 {
		return
	}
	if f, ok := g.Call.Value.(*ssa.Function); ok && f.Parent() != nil {
		return // a literal's error result: its returns are checked below
	}
	if _, ok := g.Call.Value.(*ssa.MakeClosure); ok {
		return
	}
	if callee := g.Call.StaticCallee(); callee != nil && (keepsOwnError(callee) || isCopy(callee)) {
		return
	}
	if isCloseMethod(&g.Call) || isRemoval(&g.Call) || c.logs.contract(&g.Call).Benign {
		return // go conn.Close(), go os.RemoveAll(dir): releasing in the background, nothing left to lose
	}
	if c.logs.contract(&g.Call).NilError {
		return // its error result is nil on every path
	}
	if c.commentedAbove(g.Pos()) {
		return // "we don't wait for the response: the threshold deletes it" (nats)
	}
	pos, end := c.callRange(g.Call.Pos())
	c.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: RuleGoroutineDropped,
		Message: fmt.Sprintf("the error returned by %s is lost: nothing receives a goroutine's results; run it in a func literal that sends the error on a channel, logs it, or use errgroup.Group.Go", calleeName(&g.Call))})
}

// checkGoroutineBody reports, in a function literal run as a goroutine,
// error branches that drop the error. A dropped result of a call there is
// left alone: on the corpus those were best-effort calls (a cancel
// request, a warm-up, a send on a closing transport).
func (c *checker) checkGoroutineBody(fn *ssa.Function) {
	if errorResult(fn.Signature) >= 0 {
		return // its errors are returned, and the go statement is reported
	}
	for _, br := range c.errBranches(fn) {
		if br.errUsed() || c.branchLogs(br) {
			continue
		}
		ret := br.firstReturn()
		if ret == nil || inLoop(br.cmp.Block()) || c.explained(br, ret) {
			continue // in a loop, returning on an error is how it ends (Accept on a closed listener, io.EOF)
		}
		if br.outcomeStoredAfter() {
			continue // the result the spawner reads stays unset: the failure shows there (vault's verified flag)
		}
		pos, end := c.callRange(br.call.Pos())
		c.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: RuleGoroutineDropped,
			Message: fmt.Sprintf("the error from %s (line %d) ends this goroutine without being sent, stored or logged; send it on an error channel, use errgroup.Group.Go, or log it",
				calleeName(br.call), c.line(br.call.Pos()))})
	}
}

// branchLogs reports whether the branch writes a log line.
func (c *checker) branchLogs(br *errBranch) bool {
	return len(br.calls(c.logs.isLog)) > 0
}

// firstReturn returns the branch's return (ending the goroutine), or nil
// when it goes on.
func (br *errBranch) firstReturn() *ssa.Return {
	for _, b := range br.fn.Blocks {
		if !br.region[b] || len(b.Instrs) == 0 {
			continue
		}
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && br.inBody(ret) {
			return ret
		}
	}
	return nil
}

// outcomeStoredAfter reports whether the goroutine, past the error check
// on its success side, stores into a variable it captured: the spawner
// reads its outcome there, and the early return leaves it unset.
func (br *errBranch) outcomeStoredAfter() bool {
	from := br.cmp.Block()
	for _, b := range br.fn.Blocks {
		if br.region[b] || b == from || !from.Dominates(b) {
			continue
		}
		for _, ins := range b.Instrs {
			if st, ok := ins.(*ssa.Store); ok {
				if _, captured := st.Addr.(*ssa.FreeVar); captured {
					return true
				}
			}
		}
	}
	return false
}

// keepsOwnError reports whether fn hands its own error result on before
// returning: a named error result that a deferred closure reads (etcd's
// recvKeepAliveLoop stores gerr in l.loopErr), so the result value
// itself is a by-product.
func keepsOwnError(fn *ssa.Function) bool {
	res := errorResult(fn.Signature)
	if res < 0 || fn.Signature.Results().At(res).Name() == "" {
		return false
	}
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			d, ok := ins.(*ssa.Defer)
			if !ok {
				continue
			}
			if mc, ok := d.Call.Value.(*ssa.MakeClosure); ok && len(mc.Bindings) > 0 {
				return true
			}
		}
	}
	return false
}

// inLoop reports whether b is part of a cycle of its function.
func inLoop(b *ssa.BasicBlock) bool {
	return flow.InCycle(b)
}

// isCopy reports whether fn is io.Copy or a sibling: `go io.Copy(a, b)`
// is the idiom of a proxy, whose copy ends when either side closes.
func isCopy(fn *ssa.Function) bool {
	return fn.Pkg != nil && fn.Pkg.Pkg.Path() == "io" && (fn.Name() == "Copy" || fn.Name() == "CopyBuffer" || fn.Name() == "CopyN")
}

// commentedAbove reports whether a comment ends on the line just above
// pos: the author explains the fire-and-forget.
func (c *checker) commentedAbove(pos token.Pos) bool {
	f := c.fileOf(pos)
	if f == nil {
		return false
	}
	line := c.line(pos)
	// Above the statement, or above an if that it opens.
	path, _ := astutil.PathEnclosingInterval(f, pos, pos)
	for i, n := range path {
		if ifs, ok := n.(*ast.IfStmt); ok && i >= 2 && len(ifs.Body.List) > 0 && path[i-1] == ast.Node(ifs.Body) && path[i-2] == ast.Node(ifs.Body.List[0]) {
			line = c.line(ifs.Pos())
			break
		}
	}
	for _, cg := range f.Comments {
		if (c.line(cg.End()) == line-1 || c.line(cg.End()) == c.line(pos)-1) && explainsGroup(cg) {
			return true
		}
	}
	return false
}

// benignOnly reports whether every error fn returns is nil, an
// os.RemoveAll's, or a context's Err: a helper deleting a tree in the
// background (nats-server's removeAllWithRetry), a release like go
// os.RemoveAll itself, or a loop that ends only when the spawner cancels
// it (syncthing's stun Service.Serve). A wrapped os.Remove of one file is
// often the work itself (a user's object deleted), and stays reported.
func benignOnly(fn *ssa.Function) bool {
	res := -1
	if fn != nil {
		res = errorResult(fn.Signature)
	}
	if res < 0 || len(fn.Blocks) == 0 {
		return false
	}
	seen := map[ssa.Value]bool{}
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && !benignError(ret.Results[res], seen) {
			return false
		}
	}
	return true
}

// benignError reports whether v is nil, an os.RemoveAll's error or a
// context's Err, through phis.
func benignError(v ssa.Value, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return true
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Const:
		return v.IsNil()
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !benignError(e, seen) {
				return false
			}
		}
		return true
	case *ssa.UnOp:
		// A function with a defer returns its results through a slot.
		alloc, ok := v.X.(*ssa.Alloc)
		if !ok || v.Op != token.MUL {
			return false
		}
		for _, r := range *alloc.Referrers() {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr != alloc || !benignError(r.Val, seen) {
					return false
				}
			case *ssa.UnOp:
			default:
				return false // captured (a deferred closure may set it)
			}
		}
		return true
	case *ssa.Call:
		call := v.Common()
		if call.IsInvoke() {
			m := call.Method
			return m.Pkg() != nil && m.Pkg().Path() == "context" && m.Name() == "Err"
		}
		return isRemoval(call) && flow.CalleeFunc(call).Name() == "RemoveAll"
	}
	return false
}

// isCloseMethod reports whether call is a Close() error method: the
// io.Closer contract.
func isCloseMethod(call *ssa.CallCommon) bool {
	f := flow.CalleeFunc(call)
	if f == nil || f.Name() != "Close" || f.Signature().Recv() == nil {
		return false
	}
	sig := f.Signature()
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 && errorResult(sig) == 0
}

// isRemoval reports whether call is os.Remove or os.RemoveAll: deleting
// in the background is a release whose leftover the next run finds.
func isRemoval(call *ssa.CallCommon) bool {
	f := flow.CalleeFunc(call)
	return f != nil && f.Pkg() != nil && f.Pkg().Path() == "os" && f.Signature().Recv() == nil &&
		(f.Name() == "Remove" || f.Name() == "RemoveAll")
}
