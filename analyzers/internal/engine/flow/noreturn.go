package flow

import (
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Stop is how a call that never returns ends what runs after it.
type Stop int

const (
	// Returns: the call returns (or the table does not know it).
	Returns Stop = iota
	// ExitsProcess ends the program: os.Exit, log.Fatal*, (*log.Logger).Fatal*.
	ExitsProcess
	// Panics unwinds the goroutine: log.Panic*, (*log.Logger).Panic*.
	Panics
	// EndsGoroutine ends the goroutine: runtime.Goexit, and testing's
	// FailNow, Fatal*, Skip* (which call it).
	EndsGoroutine
)

// stdStops are the standard library calls that never return, by package
// and name (functions and methods alike: log's Fatal is both). It is the
// one table of them; what a rule counts (every kind, or only the end of
// the program) is the rule's choice of Stop.
var stdStops = map[string]map[string]Stop{
	"os": {"Exit": ExitsProcess},
	"log": {
		"Fatal": ExitsProcess, "Fatalf": ExitsProcess, "Fatalln": ExitsProcess,
		"Panic": Panics, "Panicf": Panics, "Panicln": Panics,
	},
	"runtime": {"Goexit": EndsGoroutine},
	"testing": {
		"FailNow": EndsGoroutine, "Fatal": EndsGoroutine, "Fatalf": EndsGoroutine,
		"SkipNow": EndsGoroutine, "Skip": EndsGoroutine, "Skipf": EndsGoroutine,
	},
}

// StdStop returns how the standard library call c never returns, by
// stdStops; Returns when it is not in the table. An interface call
// counts only as a method of testing.TB (t.Fatal through the interface).
func StdStop(c *ssa.CallCommon) Stop {
	f := CalleeFunc(c)
	if f == nil || f.Pkg() == nil {
		return Returns
	}
	path := f.Pkg().Path()
	if c.IsInvoke() && !(path == "testing" && isTB(c.Value.Type())) {
		return Returns
	}
	return stdStops[path][f.Name()]
}

// isTB reports whether t is the interface testing.TB.
func isTB(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "testing" && n.Obj().Name() == "TB"
}

// NoReturn reports whether ins is a call that never returns. buildssa
// runs x/tools' ctrlflow first and ends the block of every static call
// ctrlflow proves never returns with a panic (a function whose every path
// ends in such a call is itself one, across packages by facts: os.Exit,
// log.Fatal, testing's FailNow, klog.Fatal, a package's own exit helper);
// NoReturn reads that mark, and adds the calls of stdStops that ctrlflow
// cannot see (an interface call of testing.TB's Fatal).
func NoReturn(ins ssa.Instruction) bool {
	call, ok := ins.(*ssa.Call)
	if !ok {
		return false
	}
	return builderNoReturn(call) || StdStop(&call.Call) != Returns
}

// builderNoReturn reports whether the SSA builder followed call with the
// panic it emits after a call ctrlflow proved never returns: the call,
// the conversion of "noreturn" to interface{}, and the panic, ending the
// block.
func builderNoReturn(call *ssa.Call) bool {
	b := call.Block()
	n := len(b.Instrs)
	if n < 3 || b.Instrs[n-3] != call {
		return false
	}
	p, ok := b.Instrs[n-1].(*ssa.Panic)
	if !ok || p.Pos() != call.Pos() {
		return false
	}
	mi, ok := p.X.(*ssa.MakeInterface)
	if !ok {
		return false
	}
	k, ok := mi.X.(*ssa.Const)
	return ok && k.Value != nil && k.Value.Kind() == constant.String && constant.StringVal(k.Value) == "noreturn"
}
