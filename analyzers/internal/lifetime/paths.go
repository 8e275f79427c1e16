package lifetime

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

// Leak is a path on which an acquired resource is not released.
type Leak struct {
	// Exit is the return on the path, or nil when the path loops back to
	// the acquisition (the resource is overwritten by the next iteration).
	Exit *ssa.Return
	// Pos is where the path leaves: the return, or the function's closing
	// brace for an implicit return, or the acquisition for a loop.
	Pos token.Pos
}

// leaks walks the CFG forward from the acquisition and returns the exits
// reachable without passing an instruction that releases the resource or
// lets it escape. Edges on which the acquisition's error is non-nil, or the
// resource is nil, are not followed: nothing is owed there. A path that
// ends in a call that never returns owes nothing either (the SSA builder
// ends such blocks with no successors).
func (a *Acquisition) leaks() []Leak {
	if a.Value == nil {
		return []Leak{{Pos: a.Call.Pos()}}
	}
	w := walker{t: a.t, fn: a.Fn, acquire: a.Call}
	return w.leaks(a.Call.Block(), indexOf(a.Call)+1)
}

// walker finds the exits a tracked resource reaches still owed.
type walker struct {
	t  *tracker
	fn *ssa.Function
	// acquire, when set, is the acquiring call: reaching it again means the
	// previous resource is overwritten still owed.
	acquire ssa.Instruction
}

func (w walker) leaks(start *ssa.BasicBlock, index int) []Leak {
	var out []Leak
	visited := map[*ssa.BasicBlock]bool{}
	type item struct {
		b     *ssa.BasicBlock
		start int
	}
	queue := []item{{start, index}}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		leak, next, done := w.walkBlock(it.b, it.start)
		if leak != nil {
			out = append(out, *leak)
		}
		if done {
			continue
		}
		for _, succ := range next {
			if !visited[succ] {
				visited[succ] = true
				queue = append(queue, item{succ, 0})
			}
		}
	}
	return out
}

// walkBlock scans b from start. It returns a leak when the block exits
// still owing, the successors to follow, and done when the path ends here.
func (w walker) walkBlock(b *ssa.BasicBlock, start int) (*Leak, []*ssa.BasicBlock, bool) {
	for _, ins := range b.Instrs[start:] {
		if w.acquire != nil && ins == w.acquire {
			return &Leak{Pos: ins.Pos()}, nil, true
		}
		if w.t.classify(ins).discharges() {
			return nil, nil, true
		}
		switch ins := ins.(type) {
		case *ssa.Return:
			return &Leak{Exit: ins, Pos: returnPos(w.fn, ins)}, nil, true
		case *ssa.Panic:
			return nil, nil, true
		case *ssa.If:
			return nil, w.t.followIf(ins), false
		}
	}
	return nil, b.Succs, false
}

// followIf drops the successor on which the acquisition's error is
// non-nil or the resource is nil.
func (t *tracker) followIf(ins *ssa.If) []*ssa.BasicBlock {
	succs := ins.Block().Succs
	if call, ok := ins.Cond.(*ssa.Call); ok && t.impliesErr(call) {
		return succs[1:] // os.IsNotExist(err) and the like: err != nil
	}
	cmp, ok := ins.Cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
		return succs
	}
	x := cmp.X
	if isNil(x) {
		x = cmp.Y
	} else if !isNil(cmp.Y) {
		return succs
	}
	// Succs[0] is the true edge.
	trueWhenNil := cmp.Op == token.EQL
	switch {
	case t.errs[x]:
		if trueWhenNil {
			return succs[:1] // err == nil: only the true edge owes
		}
		return succs[1:]
	case t.aliases[x]:
		if trueWhenNil {
			return succs[1:] // resource == nil: the true edge owes nothing
		}
		return succs[:1]
	}
	return succs
}

// errPredicates return false for a nil error: when one is true, the
// acquisition failed.
var errPredicates = map[string]map[string]bool{
	"errors": {"Is": true, "As": true},
	"os":     {"IsNotExist": true, "IsExist": true, "IsPermission": true, "IsTimeout": true},
}

// impliesErr reports whether call is an error predicate applied to the
// acquisition's error.
func (t *tracker) impliesErr(call *ssa.Call) bool {
	obj := calleeObject(&call.Call)
	if obj == nil || obj.Pkg() == nil || !errPredicates[obj.Pkg().Path()][obj.Name()] {
		return false
	}
	return len(call.Call.Args) > 0 && t.errs[call.Call.Args[0]]
}

func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

func indexOf(ins ssa.Instruction) int {
	for i, x := range ins.Block().Instrs {
		if x == ins {
			return i
		}
	}
	return -1
}

// returnPos is a return's position, or the closing brace of the function
// for an implicit one.
func returnPos(fn *ssa.Function, ret *ssa.Return) token.Pos {
	if ret.Pos().IsValid() {
		return ret.Pos()
	}
	if syn := fn.Syntax(); syn != nil {
		return syn.End() - 1
	}
	return fn.Pos()
}
