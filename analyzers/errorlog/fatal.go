package errorlog

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// checkFatal reports, in a library package, calls that end the program
// (log.Fatal*, os.Exit) and panics with an error a call returned: the
// program that imports the package loses the choice of what to do.
func (c *checker) checkFatal(fn *ssa.Function) {
	if !c.isLibrary() || c.isTestFile(fn.Pos()) || exemptFromFatal(fn) || alwaysExits(fn) {
		return // an exit helper (nats-server's PrintAndDie): its callers are checked
	}
	branches := sync.OnceValue(func() []*errBranch { return c.errBranches(fn) })
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			switch ins := ins.(type) {
			case ssa.CallInstruction:
				if _, isGo := ins.(*ssa.Go); !isGo {
					c.checkExit(ins, branches)
				}
			case *ssa.Panic:
				c.checkPanic(ins)
			}
		}
	}
}

// checkExit reports ins if it ends the program, unless the operator asked
// for it (a signal) or the error it answers cannot happen.
func (c *checker) checkExit(ins ssa.CallInstruction, branches func() []*errBranch) {
	what := exitingCallOrHelper(ins.Common())
	if what == "" || afterSignal(ins) || c.onImpossibleError(branches(), ins) {
		return
	}
	pos, end := c.callRange(ins.Common().Pos())
	c.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: RuleFatalInLibrary,
		Message: fmt.Sprintf("%s in library package %s ends the whole program of whoever imports it (deferred calls do not run); return an error and let main decide", what, c.pass.Pkg.Name())})
}

// checkPanic reports panic(err) where err came back from a call.
func (c *checker) checkPanic(p *ssa.Panic) {
	v := p.X
	switch x := v.(type) {
	case *ssa.MakeInterface:
		v = x.X
	case *ssa.ChangeInterface:
		v = x.X
	}
	if !implementsError(v.Type()) {
		return
	}
	call, _ := errorOrigin(v)
	if call == nil || isErrorConstructor(call) || c.cannotFail(call) {
		return // panic(errors.New("unreachable")) asserts, it does not convert a failure
	}
	if fn := p.Parent(); errorResult(fn.Signature) < 0 && (!isIOCall(call) || fn.Signature.Recv() != nil || fn.Parent() != nil) {
		// Without an error result the signature (often an interface's:
		// sync.Locker, a pool's New) may leave no other way out, and a
		// panic on invalid configuration is a documented contract
		// (prometheus' WithLabelValues, kafka.NewReader). What is left
		// is a failure of the outside world (a file, the network, a
		// database, external data) turned into a crash by a plain
		// function (methods and function literals often have their
		// signature imposed).
		return
	}
	if !p.Pos().IsValid() {
		return
	}
	pos, end := c.callRange(p.Pos())
	c.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: RuleFatalInLibrary,
		Message: fmt.Sprintf("panic with the error from %s (line %d) in library package %s turns a failure the caller could handle into a crash; return the error (or name the function Must... if panicking is its contract)",
			calleeName(call), c.line(call.Pos()), c.pass.Pkg.Name())})
}

// isLibrary reports whether the package is imported by programs rather
// than being one: not main, not a command's own code below a cmd/
// directory (cobra's package cmd, cmd/tool/internal/...), and not a
// test-helper package (which imports testing and is only ever linked into
// tests).
func (c *checker) isLibrary() bool {
	if c.pass.Pkg.Name() == "main" || slices.Contains(strings.Split(c.pass.Pkg.Path(), "/"), "cmd") {
		return false
	}
	return !c.importsTesting()
}

// importsTesting reports whether the package imports testing: a test
// helper package, only ever linked into tests.
func (c *checker) importsTesting() bool {
	for _, imp := range c.pass.Pkg.Imports() {
		if imp.Path() == "testing" {
			return true
		}
	}
	return false
}

// exemptFromFatal reports whether fn may end the program by convention:
// init functions (and package variable initialisers) run before main and
// have no caller to return to; Must... functions panic by contract
// (regexp.MustCompile, template.Must).
func exemptFromFatal(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	name := fn.Name()
	if name == "init" || strings.HasPrefix(name, "init#") {
		return true
	}
	// Must... panics by contract; a logger's Fatal.../Exit... exits by
	// contract (grpclog.Fatalf, klog.Exitf).
	return hasAnyPrefix(name, "Must", "must", "Fatal", "fatal", "Exit", "exit")
}

// exitingCallOrHelper names the call if it ends the program: an
// exiting call, or a call of a function of this package that exits on
// every path.
func exitingCallOrHelper(call *ssa.CallCommon) string {
	if what := exitingCall(call); what != "" {
		return what
	}
	if f := call.StaticCallee(); f != nil && f.Parent() == nil && alwaysExits(f) {
		return calleeName(call) + " (which exits on every path)"
	}
	return ""
}

// alwaysExits reports whether every path of fn through its body reaches
// an exiting call: no return is reachable without passing one.
func alwaysExits(fn *ssa.Function) bool {
	if len(fn.Blocks) == 0 {
		return false
	}
	exits, returns := false, false
	flow.Explore(fn.Blocks[0], func(b *ssa.BasicBlock) ([]*ssa.BasicBlock, bool) {
		if blockExits(b) {
			exits = true
			return nil, false
		}
		if _, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			returns = true
			return nil, true
		}
		return b.Succs, false
	})
	return exits && !returns
}

// blockExits reports whether b calls os.Exit or log.Fatal*.
func blockExits(b *ssa.BasicBlock) bool {
	for _, ins := range b.Instrs {
		if call, ok := ins.(*ssa.Call); ok && exitingCall(call.Common()) != "" {
			return true
		}
	}
	return false
}

// exitingCall names the call if it ends the program: log.Fatal*,
// (*log.Logger).Fatal*, os.Exit. Only the end of the program counts
// here, not every call that never returns: a panic can be recovered and a
// Goexit or t.Fatal ends one goroutine, so neither takes the choice away
// from the program that imports the package.
func exitingCall(call *ssa.CallCommon) string {
	if flow.StdStop(call) != flow.ExitsProcess {
		return ""
	}
	f := flow.CalleeFunc(call)
	switch {
	case f.Pkg().Path() == "os":
		if isZeroArg(call) {
			return "" // os.Exit(0) is a success: no error is dropped (print help, exit)
		}
		return "os.Exit"
	case f.Signature().Recv() != nil:
		return "(*log.Logger)." + f.Name()
	}
	return "log." + f.Name()
}

// afterSignal reports whether a receive of an os.Signal dominates the
// instruction: the program ends because the operator asked it to
// (SIGINT), which drops no error (caddy's hash-password restores the
// terminal and exits).
func afterSignal(ins ssa.Instruction) bool {
	at := ins.Block()
	for _, b := range ins.Parent().Blocks {
		if !b.Dominates(at) {
			continue
		}
		for _, i := range b.Instrs {
			if b == at && i == ins {
				break
			}
			if receivesSignal(i, at) {
				return true
			}
		}
	}
	return false
}

// receivesSignal reports whether i receives from a chan os.Signal, alone
// or as the case of a select that leads to block at.
func receivesSignal(i ssa.Instruction, at *ssa.BasicBlock) bool {
	switch i := i.(type) {
	case *ssa.UnOp:
		return i.Op == token.ARROW && isSignalChan(i.X.Type())
	case *ssa.Select:
		for k, st := range i.States {
			if st.Dir == types.RecvOnly && isSignalChan(st.Chan.Type()) && selectCaseLeads(i, k, at) {
				return true
			}
		}
	}
	return false
}

// selectCaseLeads reports whether at is reached only through case k of
// sel: dominated by the true edge of the `index == k` test that the SSA
// of a select branches on.
func selectCaseLeads(sel *ssa.Select, k int, at *ssa.BasicBlock) bool {
	for _, r := range *sel.Referrers() {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			continue
		}
		for _, u := range *ex.Referrers() {
			cmp, ok := u.(*ssa.BinOp)
			if !ok || cmp.Op != token.EQL {
				continue
			}
			c, ok := cmp.Y.(*ssa.Const)
			if !ok || c.Int64() != int64(k) {
				continue
			}
			b := cmp.Block()
			if _, isIf := b.Instrs[len(b.Instrs)-1].(*ssa.If); isIf && b.Succs[0].Dominates(at) {
				return true
			}
		}
	}
	return false
}

// isSignalChan reports whether t is a channel of os.Signal.
func isSignalChan(t types.Type) bool {
	ch, ok := t.Underlying().(*types.Chan)
	if !ok {
		return false
	}
	n, ok := types.Unalias(ch.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "os" && n.Obj().Name() == "Signal"
}

// onImpossibleError reports whether ins sits in the branch of an error
// that cannot happen: the exit is unreachable (nats.go's CSV report,
// written to a bytes.Buffer, exits if a write fails).
func (c *checker) onImpossibleError(branches []*errBranch, ins ssa.Instruction) bool {
	for _, br := range branches {
		if br.region[ins.Block()] && c.cannotFail(br.call) {
			return true
		}
	}
	return false
}

// cannotFail reports whether call's error cannot happen, or happens on
// every run if at all: a pure call on fixed inputs, or a write into
// memory.
func (c *checker) cannotFail(call *ssa.CallCommon) bool {
	return c.fixedCall(call, 3) || writesToMemory(call)
}

// destinationOnly lists the writer methods whose only failure is their
// destination's, by the writer type (package, name).
var destinationOnly = map[[2]string][]string{
	{"bufio", "Writer"}:        {"Write", "WriteString", "WriteByte", "WriteRune", "Flush"},
	{"encoding/csv", "Writer"}: {"Write", "WriteAll"},
}

// writesToMemory reports whether call writes into memory, which cannot
// fail: a bytes.Buffer or strings.Builder method, or a destination-only
// method of a writer made around one and left with its default settings
// (a csv.Writer with an invalid Comma fails its writes).
func writesToMemory(call *ssa.CallCommon) bool {
	if infallible(call) {
		return true
	}
	fn := call.StaticCallee()
	if fn == nil || fn.Signature.Recv() == nil || len(call.Args) == 0 {
		return false
	}
	recv := fn.Signature.Recv().Type()
	for typ, methods := range destinationOnly {
		if typematch.PointerTo(recv, typ[0], typ[1]) && slices.Contains(methods, fn.Name()) {
			w := call.Args[0]
			return inMemoryWriter(w) && !fieldStored(w)
		}
	}
	return false
}

// fieldStored reports whether a field of the struct v points to is
// assigned.
func fieldStored(v ssa.Value) bool {
	for _, r := range *v.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		for _, u := range *fa.Referrers() {
			if st, ok := u.(*ssa.Store); ok && st.Addr == fa {
				return true
			}
		}
	}
	return false
}

// fixedCall reports whether call is pure and computes on fixed inputs
// only (constants, results of such calls): its error happens on every run
// or on none, and a panic on it asserts an invariant (prometheus' fresh
// chunk's Appender). depth bounds the walk.
func (c *checker) fixedCall(call *ssa.CallCommon, depth int) bool {
	if depth == 0 || call.IsInvoke() || !c.logs.isPure(call) {
		return false
	}
	for _, a := range call.Args {
		if !c.fixedValue(a, depth) || !untouchedBefore(a, call) {
			return false
		}
	}
	return true
}

// untouchedBefore reports whether nothing uses the value behind arg (a
// conversion of it included) before call does: a method call or a field
// store first could have changed what a fresh object holds (a chunk
// Reset onto outside bytes).
func untouchedBefore(arg ssa.Value, call *ssa.CallCommon) bool {
	if arg.Referrers() == nil {
		return true // a constant or a function: nothing can change it
	}
	var user ssa.Instruction
	for _, r := range *arg.Referrers() {
		if ci, ok := r.(ssa.CallInstruction); ok && ci.Common() == call {
			user = r
		}
	}
	if user == nil {
		return false
	}
	for v := arg; v.Referrers() != nil; {
		for _, r := range *v.Referrers() {
			if r != user && !isConversionOf(r, v) && mayPrecede(r, user) {
				return false
			}
		}
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return true
		}
	}
	return true // converted from a constant
}

// isConversionOf reports whether r converts v (the chain walked from arg).
func isConversionOf(r ssa.Instruction, v ssa.Value) bool {
	switch r := r.(type) {
	case *ssa.MakeInterface:
		return r.X == v
	case *ssa.ChangeType:
		return r.X == v
	}
	return false
}

// mayPrecede reports whether a can run before b: earlier in b's block, or
// in a block from which b's is reachable.
func mayPrecede(a, b ssa.Instruction) bool {
	if a.Block() != b.Block() {
		return flow.Reaches(a.Block(), b.Block())
	}
	for _, i := range b.Block().Instrs {
		if i == a {
			return true
		}
		if i == b {
			return false
		}
	}
	return false
}

// fixedValue reports whether v is a constant or the result of a fixed
// call, through conversions.
func (c *checker) fixedValue(v ssa.Value, depth int) bool {
	switch v := v.(type) {
	case *ssa.Const:
		return true
	case *ssa.MakeInterface:
		return c.fixedValue(v.X, depth)
	case *ssa.ChangeType:
		return c.fixedValue(v.X, depth)
	case *ssa.Call:
		return c.fixedCall(&v.Call, depth-1)
	}
	return false
}

// isErrorConstructor reports whether call is errors.New or fmt.Errorf.
func isErrorConstructor(call *ssa.CallCommon) bool {
	f := flow.CalleeFunc(call)
	if f == nil || f.Pkg() == nil {
		return false
	}
	p, n := f.Pkg().Path(), f.Name()
	return p == "errors" && n == "New" || p == "fmt" && n == "Errorf"
}

// ioPackages are the standard library packages whose errors report a
// failure of the outside world rather than a programming error.
var ioPackages = map[string]bool{
	"os": true, "io": true, "io/fs": true, "io/ioutil": true, "net": true, "net/http": true,
	"database/sql": true, "os/exec": true, "bufio": true,
}

// isIOCall reports whether call reads or writes the outside world: a
// function or method of an I/O package, or the decoding of external data
// with encoding/json.
func isIOCall(call *ssa.CallCommon) bool {
	f := flow.CalleeFunc(call)
	if f == nil || f.Pkg() == nil {
		return false
	}
	if ioPackages[f.Pkg().Path()] {
		return true
	}
	return f.Pkg().Path() == "encoding/json" && (f.Name() == "Unmarshal" || f.Name() == "Decode")
}

// isZeroArg reports whether call's only argument is the constant 0.
func isZeroArg(call *ssa.CallCommon) bool {
	if len(call.Args) != 1 {
		return false
	}
	k, ok := call.Args[0].(*ssa.Const)
	return ok && k.Value != nil && flow.IsZeroConst(k)
}
