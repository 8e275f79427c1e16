package goroutineleak

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// checkNoExit reports goroutines that loop forever, started by a
// constructor or a method of a long-lived object: nothing can ever stop
// them, so every object built leaks one.
func (p *passState) checkNoExit(fn *ssa.Function) {
	owner := outermost(fn)
	if p.pass.Pkg.Name() == "main" || owner.Name() == "init" || !buildsObject(owner) || oncePerProcess(fn) {
		return
	}
	p.localGoBodies(fn, func(g *ssa.Go, body *ssa.Function) {
		if loop := endlessLoop(body); loop != nil {
			p.reportNoExit(owner, g, body, loop)
		}
	})
}

// outermost returns the named function a closure is nested in.
func outermost(fn *ssa.Function) *ssa.Function {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	return fn
}

// oncePerProcess reports whether fn, or a closure it is nested in, runs at
// most once in the process: it is the function of a package-level
// sync.Once's Do. Its goroutine is the package's, like one started by init,
// not one per object (a janitor for a package-level map).
func oncePerProcess(fn *ssa.Function) bool {
	for ; fn.Parent() != nil; fn = fn.Parent() {
		if onlyDoneOnce(fn) {
			return true
		}
	}
	return false
}

// onlyDoneOnce reports whether the closure fn is used only as the argument
// of Do on a package-level sync.Once.
func onlyDoneOnce(fn *ssa.Function) bool {
	var val ssa.Value = fn
	for _, r := range *fn.Referrers() {
		if mc, ok := r.(*ssa.MakeClosure); ok && mc.Fn == fn {
			val = mc
		}
	}
	refs := *val.Referrers()
	used := false
	for _, r := range refs {
		switch r := r.(type) {
		case *ssa.Call:
			c := r.Common()
			if !isOnceDo(c) || len(c.Args) != 2 || c.Args[1] != val || !isGlobalAddr(c.Args[0]) {
				return false
			}
			used = true
		case *ssa.DebugRef, *ssa.MakeClosure:
		default:
			return false
		}
	}
	return used
}

// isOnceDo reports whether c calls (*sync.Once).Do.
func isOnceDo(c *ssa.CallCommon) bool {
	callee := c.StaticCallee()
	return callee != nil && callee.Name() == "Do" && callee.Signature.Recv() != nil &&
		typematch.PointerTo(callee.Signature.Recv().Type(), "sync", "Once")
}

// isGlobalAddr reports whether v is the address of a package-level
// variable or of a field inside one.
func isGlobalAddr(v ssa.Value) bool {
	for {
		switch x := v.(type) {
		case *ssa.Global:
			return true
		case *ssa.FieldAddr:
			v = x.X
		default:
			return false
		}
	}
}

// buildsObject reports whether fn is a method or returns something: the
// goroutine it starts belongs to an object that outlives the call.
func buildsObject(fn *ssa.Function) bool {
	return fn.Signature.Recv() != nil || fn.Signature.Results().Len() > 0
}

// endlessLoop returns a block of a loop in fn from which no return, panic
// or program exit is reachable: a loop with no way out. Nil when every loop
// can end.
func endlessLoop(fn *ssa.Function) *ssa.BasicBlock {
	canEnd := map[*ssa.BasicBlock]bool{}
	var work []*ssa.BasicBlock
	for _, b := range fn.Blocks {
		if endsHere(b) {
			canEnd[b] = true
			work = append(work, b)
		}
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, pred := range b.Preds {
			if !canEnd[pred] {
				canEnd[pred] = true
				work = append(work, pred)
			}
		}
	}
	reachable := map[*ssa.BasicBlock]bool{}
	work = []*ssa.BasicBlock{fn.Blocks[0]}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if reachable[b] {
			continue
		}
		reachable[b] = true
		work = append(work, b.Succs...)
	}
	for _, b := range fn.Blocks {
		if reachable[b] && !canEnd[b] && len(b.Succs) > 0 {
			return b
		}
	}
	return nil
}

// endsHere reports whether the goroutine can end in b: a return, a panic,
// a call that ends the program or the goroutine, or a block with no way on.
func endsHere(b *ssa.BasicBlock) bool {
	if len(b.Succs) == 0 {
		return true
	}
	for _, ins := range b.Instrs {
		if flow.NoReturn(ins) {
			return true
		}
	}
	return false
}

// reportNoExit reports the go statement of an endless goroutine.
func (p *passState) reportNoExit(owner *ssa.Function, g *ssa.Go, body *ssa.Function, loop *ssa.BasicBlock) {
	pos := loop.Instrs[0].Pos()
	for _, ins := range loop.Instrs {
		if ins.Pos().IsValid() {
			pos = ins.Pos()
			break
		}
	}
	where := ""
	if pos.IsValid() {
		where = fmt.Sprintf(" (line %d)", p.line(pos))
	}
	p.pass.Report(analysis.Diagnostic{
		Pos:      g.Pos(),
		End:      p.goEnd(g),
		Category: RuleNoExit,
		Message: fmt.Sprintf("goroutine started by %s loops forever%s with no way out: no return, no stop channel or ctx.Done case; every %s call leaks it; give it a done channel or a context and a Close or Stop method that signals it",
			owner.Name(), where, owner.Name()),
	})
}
