package chanflow

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// OpKind is what a synchronising operation does.
type OpKind uint8

// The operations the index records: channel sends, receives and closes,
// WaitGroup waits and counts down (a WaitGroup is a channel that Done
// "sends" on and Wait drains), and sync.Cond waits and signals (Signal or
// Broadcast).
const (
	Send OpKind = iota + 1
	Recv
	Close
	Wait
	Done
	CondWait
	Signal
	Add
)

// Op is one synchronising operation of the package on a channel or
// WaitGroup that lives beyond one function: a struct field or a
// package-level variable, named by Class.
type Op struct {
	Kind OpKind
	// Class names the channel or WaitGroup across functions: "pkg.T.f"
	// for a field, "pkg.v" for a package-level variable.
	Class string
	// Ins is the instruction: *ssa.Send, *ssa.UnOp, *ssa.Select, a close
	// or Done *ssa.Call, a deferred one (*ssa.Defer: it runs at the
	// returns), or the Wait call.
	Ins ssa.Instruction
	// Blocking: the operation waits for a partner with no way to give up
	// (a plain send or receive, a select with this one case, Wait).
	Blocking bool
}

// Ops indexes the package's operations by class; it is computed once.
type Ops struct {
	ByClass map[string][]Op
	// caps holds the buffer sizes of the channels made into each class
	// (-1 when not a constant); exported says a class is reachable from
	// other packages (an exported field, or returned by an exported
	// function), so its partners may be out of sight.
	caps     map[string][]int64
	exported map[string]bool
	// recvOut holds the classes exported functions hand out receive-only
	// (a <-chan result): other packages may receive from them, never send
	// on them or close them.
	recvOut map[string]bool
	// escaped holds the classes some value of which goes where the index
	// cannot follow it (another package's function, an interface, a map),
	// or that are assigned a channel of unknown origin.
	escaped map[string]bool
	// sendOnly holds the escaped classes whose every escape is a hand-off
	// to a function of the package that only sends on the channel.
	sendOnly map[string]bool
	// measured holds the classes whose length or capacity is read: a
	// buffer counted rather than drained (len(errs) > 0 after the sends).
	measured map[string]bool
	// condLocks holds, for a class of condition variables, the
	// sync.NewCond calls on a mutex stored into it; condOther the
	// classes also assigned some other way (the Locker is unknown).
	condLocks map[string][]ssa.Value
	condOther map[string]bool
	res       *Result
}

// Ops returns the package's operation index.
func (s *Result) Ops() *Ops {
	if s.ops == nil {
		s.ops = s.buildOps()
	}
	return s.ops
}

// Classes returns the channel classes with operations, sorted, so that
// findings come out in a stable order.
func (o *Ops) Classes() []string {
	classes := make([]string, 0, len(o.ByClass))
	for c := range o.ByClass {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	return classes
}

// Unbuffered reports whether every channel made into class has no buffer
// (and at least one make is seen): a send waits for its receiver.
func (o *Ops) Unbuffered(class string) bool {
	caps := append(o.caps[class], o.res.makeCaps[class]...)
	for _, c := range caps {
		if c != 0 {
			return false
		}
	}
	return len(caps) > 0
}

// NoSetBuffer reports whether class is a field or package-level channel
// no make of which is known to have a buffer (and at least one make is
// seen): each is made without one or with a size the caller chooses
// (make(chan T, n), which may be 0). A send nothing receives from fills
// such a buffer at most and then waits. A class whose length is read is
// left out (a buffer sized to its sends and counted, not drained), and so
// is a channel made in a function: its size is most often the number of
// sends it is made for.
func (o *Ops) NoSetBuffer(class string) bool {
	if LocalMake(class) || o.measured[class] {
		return false
	}
	caps := append(o.caps[class], o.res.makeCaps[class]...)
	for _, c := range caps {
		if c > 0 {
			return false
		}
	}
	return len(caps) > 0
}

// Exported reports whether code outside the package can reach class.
func (o *Ops) Exported(class string) bool {
	return o.exported[class] || o.res.exported[class] || o.recvOut[class]
}

// NoOutsideSender reports whether every send on class and close of it is
// in the index: the class may be handed out, but only receive-only, and no
// value of it goes where the index cannot follow it.
func (o *Ops) NoOutsideSender(class string) bool {
	return !o.exported[class] && !o.res.exported[class] && !o.escaped[class]
}

func (s *Result) buildOps() *Ops {
	o := &Ops{ByClass: map[string][]Op{}, caps: map[string][]int64{}, exported: map[string]bool{}, recvOut: map[string]bool{}, escaped: map[string]bool{}, sendOnly: map[string]bool{}, measured: map[string]bool{}, condLocks: map[string][]ssa.Value{}, condOther: map[string]bool{}, res: s}
	for _, fn := range s.funcs {
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				o.record(fn, ins)
				o.noteEscapes(ins)
			}
		}
	}
	return o
}

// Closed reports whether every operation on class is in this package and
// in the index: nothing outside can send, receive or close it.
func (o *Ops) Closed(class string) bool { return !o.Exported(class) && !o.escaped[class] }

// NoHiddenReceiver reports whether every receive from class is in the
// index: a value may go to a function of the package the index does not
// attribute to the class (its parameter takes several classes), but that
// function only sends on it.
func (o *Ops) NoHiddenReceiver(class string) bool {
	return !o.Exported(class) && (!o.escaped[class] || o.sendOnly[class])
}

// noteEscapes marks the class of every channel operand of ins that ins
// uses in a way the index does not follow.
func (o *Ops) noteEscapes(ins ssa.Instruction) {
	if st, ok := ins.(*ssa.Store); ok && tracked(st.Val.Type()) {
		o.noteStore(st)
		return
	}
	for _, op := range ins.Operands(nil) {
		v := *op
		if v == nil || !tracked(v.Type()) {
			continue
		}
		c := o.res.Class(v)
		if c == "" || o.follows(ins, v, c) {
			continue
		}
		if !o.escaped[c] {
			o.sendOnly[c] = true
		}
		o.escaped[c] = true
		o.sendOnly[c] = o.sendOnly[c] && o.sendsOnly(ins, v)
	}
}

// escape marks class as escaping in any way.
func (o *Ops) escape(class string) {
	o.escaped[class] = true
	o.sendOnly[class] = false
}

// sendsOnly reports whether ins hands v to parameters of the package's
// functions that only send on it (chanflow's summary): what it adds to the
// class are sends.
func (o *Ops) sendsOnly(ins ssa.Instruction, v ssa.Value) bool {
	ci, ok := ins.(ssa.CallInstruction)
	if !ok {
		return false
	}
	call := ci.Common()
	callee := call.StaticCallee()
	if callee == nil {
		return false
	}
	for i, a := range call.Args {
		if a != v {
			continue
		}
		u := o.res.Param(callee, i)
		if u == nil || u.Escapes || u.Receives || u.GuardedRecv {
			return false
		}
	}
	return true
}

// noteStore checks an assignment of a channel: into a class, the value
// must be made here, nil, or of the class already; a value of a class
// stored anywhere else is an alias the index does not follow.
func (o *Ops) noteStore(st *ssa.Store) {
	vc := o.res.Class(st.Val)
	ac := o.res.addrClass(st.Addr)
	if ac == "" {
		ac = o.res.cellClass(st.Addr, 0)
	}
	if ac != "" {
		// A channel made right into the class is the class's own; one
		// also used under another name (a local variable the sends go
		// through) is an alias the index does not merge.
		made := isMade(st.Val) && onlyStored(st.Val)
		if k, ok := st.Val.(*ssa.Const); !made && vc != ac && !(ok && k.IsNil()) {
			o.escape(ac)
		}
	}
	if vc != "" && vc != ac {
		o.escape(vc)
	}
}

// isMade reports whether v is a channel or condition variable created
// right here: make(chan T) or sync.NewCond.
func isMade(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.MakeChan:
		return true
	case *ssa.Call:
		f := v.Call.StaticCallee()
		return f != nil && f.Pkg != nil && f.Pkg.Pkg.Path() == "sync" && f.Name() == "NewCond"
	}
	return false
}

// onlyStored reports whether v's only use is one store (and debug refs).
func onlyStored(v ssa.Value) bool {
	n := 0
	for _, r := range *v.Referrers() {
		switch r.(type) {
		case *ssa.Store:
			n++
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return n == 1
}

// follows reports whether ins uses the channel v of class c in a way the
// index accounts for.
func (o *Ops) follows(ins ssa.Instruction, v ssa.Value, c string) bool {
	switch ins := ins.(type) {
	case *ssa.Send:
		return ins.X != v
	case *ssa.UnOp, *ssa.BinOp, *ssa.DebugRef, *ssa.MakeClosure:
		return true
	case *ssa.FieldAddr:
		return isCond(v.Type()) // the condition variable's L
	case *ssa.Select:
		for _, st := range ins.States {
			if st.Send == v {
				return false
			}
		}
		return true
	case *ssa.Phi, *ssa.ChangeType:
		return o.res.Class(ins.(ssa.Value)) == c
	case *ssa.Return:
		return o.res.returnedClass(ins.Parent(), 0) == c
	case ssa.CallInstruction:
		return o.passes(ins.Common(), v, c)
	}
	return false
}

// passes reports whether the call hands v only to builtins that keep it
// here (close, len, cap) or to parameters of the package's functions that
// are of class c.
func (o *Ops) passes(call *ssa.CallCommon, v ssa.Value, c string) bool {
	if IsBuiltin(call, "close") || IsBuiltin(call, "len") || IsBuiltin(call, "cap") {
		return true
	}
	callee := call.StaticCallee()
	if callee != nil && callee.Signature.Recv() != nil && isCond(callee.Signature.Recv().Type()) && len(call.Args) > 0 && call.Args[0] == v {
		return true // Wait, Signal, Broadcast
	}
	if callee == nil || callee.Blocks == nil || callee.Pkg == nil || callee.Pkg.Pkg != o.res.pass.Pkg {
		return false
	}
	for i, a := range call.Args {
		if a == v && (i >= len(callee.Params) || o.res.Class(callee.Params[i]) != c) {
			return false
		}
	}
	return true
}

// returned returns the values fn's returns give back, for a function with
// one result.
func returned(fn *ssa.Function) []ssa.Value {
	if fn.Signature.Results().Len() != 1 {
		return nil
	}
	var out []ssa.Value
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 {
			out = append(out, ret.Results[0])
		}
	}
	return out
}

// record indexes ins if it is a synchronising operation on a class.
func (o *Ops) record(fn *ssa.Function, ins ssa.Instruction) {
	add := func(k OpKind, v ssa.Value, blocking bool) {
		if c := o.res.Class(v); c != "" {
			o.ByClass[c] = append(o.ByClass[c], Op{Kind: k, Class: c, Ins: ins, Blocking: blocking})
		}
	}
	switch ins := ins.(type) {
	case *ssa.Send:
		add(Send, ins.Chan, true)
	case *ssa.UnOp:
		if ins.Op == token.ARROW {
			add(Recv, ins.X, true)
		}
	case *ssa.Select:
		for _, st := range ins.States {
			k := Recv
			if st.Dir == types.SendOnly {
				k = Send
			}
			add(k, st.Chan, ins.Blocking && len(ins.States) == 1)
		}
	case *ssa.Call:
		o.recordCall(ins.Common(), add)
	case *ssa.Defer:
		o.recordCall(ins.Common(), add)
	case *ssa.Store:
		o.recordMake(ins)
	case *ssa.Return:
		o.recordReturn(fn, ins)
	}
}

// recordCall indexes close, WaitGroup.Wait and Done, and Cond.Wait,
// Signal and Broadcast.
func (o *Ops) recordCall(c *ssa.CallCommon, add func(OpKind, ssa.Value, bool)) {
	if IsBuiltin(c, "close") && len(c.Args) == 1 {
		add(Close, c.Args[0], false)
		return
	}
	if (IsBuiltin(c, "len") || IsBuiltin(c, "cap")) && len(c.Args) == 1 && isChan(c.Args[0].Type()) {
		if class := o.res.Class(c.Args[0]); class != "" {
			o.measured[class] = true
		}
		return
	}
	callee := c.StaticCallee()
	if callee == nil || callee.Signature.Recv() == nil || len(c.Args) == 0 {
		return
	}
	recv := callee.Signature.Recv().Type()
	switch {
	case isWaitGroup(recv) && callee.Name() == "Wait":
		add(Wait, c.Args[0], true)
	case isWaitGroup(recv) && callee.Name() == "Done":
		add(Done, c.Args[0], false)
	case isWaitGroup(recv) && callee.Name() == "Add":
		add(Add, c.Args[0], false)
	case isCond(recv) && callee.Name() == "Wait":
		add(CondWait, c.Args[0], true)
	case isCond(recv) && (callee.Name() == "Signal" || callee.Name() == "Broadcast"):
		add(Signal, c.Args[0], false)
	}
}

// isCond reports whether t is *sync.Cond.
func isCond(t types.Type) bool { return typematch.PointerTo(t, "sync", "Cond") }

// tracked reports whether the index follows values of type t for escapes:
// channels and condition variables.
func tracked(t types.Type) bool { return isChan(t) || isCond(t) }

// recordMake notes the buffer of a channel made straight into a class,
// and the Locker of a condition variable stored into one.
func (o *Ops) recordMake(st *ssa.Store) {
	if isCond(st.Val.Type()) {
		o.recordCond(st)
		return
	}
	m, ok := st.Val.(*ssa.MakeChan)
	if !ok {
		return
	}
	if c := o.res.addrClass(st.Addr); c != "" {
		o.caps[c] = append(o.caps[c], capOf(m))
	}
}

// recordCond notes the mutex of a sync.NewCond(&mu) stored into a class;
// any other value stored makes the class's Locker unknown.
func (o *Ops) recordCond(st *ssa.Store) {
	c := o.res.addrClass(st.Addr)
	if c == "" {
		return
	}
	if call, ok := st.Val.(*ssa.Call); ok && len(call.Call.Args) == 1 {
		callee := call.Call.StaticCallee()
		if callee != nil && callee.Pkg != nil && callee.Pkg.Pkg.Path() == "sync" && callee.Name() == "NewCond" {
			if mc, ok := call.Call.Args[0].(*ssa.MakeInterface); ok && isMutexPtr(mc.X.Type()) {
				o.condLocks[c] = append(o.condLocks[c], call)
				return
			}
		}
	}
	o.condOther[c] = true
}

// isMutexPtr reports whether t is *sync.Mutex or *sync.RWMutex.
func isMutexPtr(t types.Type) bool {
	return typematch.PointerTo(t, "sync", "Mutex") || typematch.PointerTo(t, "sync", "RWMutex")
}

// CondMutex returns a sync.NewCond call making the condition variables of
// class when every one stored into it is made by sync.NewCond on the
// address of a sync.Mutex or sync.RWMutex; nil when its Locker is unknown.
func (o *Ops) CondMutex(class string) ssa.Value {
	if o.condOther[class] || o.Exported(class) || len(o.condLocks[class]) == 0 {
		return nil
	}
	return o.condLocks[class][0]
}

// capOf is the buffer size of the channel m makes, -1 when not a constant.
func capOf(m *ssa.MakeChan) int64 {
	if k, ok := m.Size.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.Int {
		if v, exact := constant.Int64Val(k.Value); exact {
			return v
		}
	}
	return -1
}

// VisibleOutside reports whether other packages can call fn: an exported
// function, or a method with an exported name (of any type: a value of an
// unexported type handed out as an interface is called through it, as a
// lister's Name() returning its channel is).
func VisibleOutside(fn *ssa.Function) bool {
	obj := fn.Object()
	return obj != nil && obj.Exported()
}

// isWaitGroup reports whether t is *sync.WaitGroup.
func isWaitGroup(t types.Type) bool { return typematch.PointerTo(t, "sync", "WaitGroup") }

// recordReturn marks the classes an exported function hands out.
func (o *Ops) recordReturn(fn *ssa.Function, ret *ssa.Return) {
	if !VisibleOutside(fn) {
		return
	}
	results := fn.Signature.Results()
	for i, r := range ret.Results {
		c := o.res.Class(r)
		switch {
		case c == "":
		case isRecvOnly(results.At(i).Type()):
			o.recvOut[c] = true
		default:
			o.exported[c] = true
		}
	}
}

// Class names the channel or WaitGroup v across functions: loaded from
// (or, for a WaitGroup, the address of) a struct field or package-level
// variable, directly or through a local variable, a closure's capture, a
// parameter every call site in the package binds to one class, or a
// result of a function of the package that returns one. "" otherwise.
func (s *Result) Class(v ssa.Value) string {
	if c, ok := s.classes[v]; ok {
		return c
	}
	c := s.class(v, 0)
	s.classes[v] = c
	return c
}

// maxClassDepth bounds the functions Class looks through.
const maxClassDepth = 4

func (s *Result) class(v ssa.Value, depth int) string {
	if depth > maxClassDepth {
		return ""
	}
	switch v := v.(type) {
	case *ssa.FieldAddr, *ssa.Global:
		return s.addrClass(v)
	case *ssa.MakeChan:
		c := fmt.Sprintf("%s.make@%d", s.pass.Pkg.Path(), v.Pos())
		if s.makeCaps[c] == nil {
			s.makeCaps[c] = []int64{capOf(v)}
		}
		return c
	case *ssa.Alloc:
		if isWaitGroup(v.Type()) {
			return fmt.Sprintf("%s.var@%d", s.pass.Pkg.Path(), v.Pos())
		}
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return ""
		}
		if c := s.addrClass(v.X); c != "" {
			return c
		}
		if ia, ok := v.X.(*ssa.IndexAddr); ok {
			return s.elemClass(ia.X)
		}
		return s.cellClass(v.X, depth)
	case *ssa.ChangeType:
		return s.class(v.X, depth)
	case *ssa.Phi:
		return s.sameClass(v.Edges, depth)
	case *ssa.Parameter:
		return s.paramClass(v, depth)
	case *ssa.Call:
		return s.resultClass(v, depth)
	case *ssa.FreeVar:
		if b := flow.BindingOf(v); b != nil {
			return s.class(b, depth+1)
		}
	}
	return ""
}

// cellClass follows a local variable (or a captured one) to the one value
// stored in it.
func (s *Result) cellClass(x ssa.Value, depth int) string {
	switch x := x.(type) {
	case *ssa.FreeVar:
		if b := flow.BindingOf(x); b != nil {
			return s.cellClass(b, depth+1)
		}
	case *ssa.Alloc:
		var stored []ssa.Value
		for _, r := range *x.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == x {
				stored = append(stored, st.Val)
			}
		}
		return s.sameClass(stored, depth)
	}
	return ""
}

// sameClass returns the class all of vs share, "" when they differ.
func (s *Result) sameClass(vs []ssa.Value, depth int) string {
	c := ""
	for _, e := range vs {
		ec := s.class(e, depth+1)
		if ec == "" || (c != "" && ec != c) {
			return ""
		}
		c = ec
	}
	return c
}

// paramClass is the class every call site of the package binds to p, when
// the function is only called there (unexported, or a closure).
func (s *Result) paramClass(p *ssa.Parameter, depth int) string {
	fn := p.Parent()
	idx := -1
	for i, q := range fn.Params {
		if q == p {
			idx = i
		}
	}
	if idx < 0 || VisibleOutside(fn) {
		return ""
	}
	var args []ssa.Value
	for _, c := range s.callSites()[fn] {
		if idx >= len(c.Args) {
			return ""
		}
		args = append(args, c.Args[idx])
	}
	return s.sameClass(args, depth)
}

// resultClass is the class the called function of the package returns in
// every return.
func (s *Result) resultClass(call *ssa.Call, depth int) string {
	fn := call.Call.StaticCallee()
	if fn == nil || fn.Blocks == nil || fn.Pkg == nil || fn.Pkg.Pkg != s.pass.Pkg {
		return ""
	}
	return s.returnedClass(fn, depth)
}

// returnedClass is the class every return of fn gives back; a nil
// channel returned beside it (a getter's nil-receiver guard) is not
// another class.
func (s *Result) returnedClass(fn *ssa.Function, depth int) string {
	var vs []ssa.Value
	for _, v := range returned(fn) {
		if k, ok := v.(*ssa.Const); !ok || !k.IsNil() {
			vs = append(vs, v)
		}
	}
	return s.sameClass(vs, depth)
}

// isRecvOnly reports whether t is a receive-only channel type.
func isRecvOnly(t types.Type) bool {
	c, ok := t.Underlying().(*types.Chan)
	return ok && c.Dir() == types.RecvOnly
}

// callSites returns, per function of the package, the calls and go
// statements that call it statically; a function also used as a value is
// left out (its callers are not all known).
func (s *Result) callSites() map[*ssa.Function][]*ssa.CallCommon {
	if s.sites != nil {
		return s.sites
	}
	s.sites = map[*ssa.Function][]*ssa.CallCommon{}
	asValue := map[*ssa.Function]bool{}
	for _, fn := range s.funcs {
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				if ci, ok := ins.(ssa.CallInstruction); ok {
					c := ci.Common()
					if callee := c.StaticCallee(); callee != nil {
						s.sites[callee] = append(s.sites[callee], c)
					}
					for _, a := range c.Args {
						if f, ok := a.(*ssa.Function); ok {
							asValue[f] = true
						}
					}
					continue
				}
				for _, op := range ins.Operands(nil) {
					if f, ok := (*op).(*ssa.Function); ok {
						asValue[f] = true
					}
				}
			}
		}
	}
	for f := range asValue {
		delete(s.sites, f)
	}
	return s.sites
}

// addrClass names the field or package-level variable at address a, and
// notes the exported ones (other packages may use them).
func (s *Result) addrClass(a ssa.Value) string {
	switch a := a.(type) {
	case *ssa.Global:
		if a.Pkg != nil {
			c := a.Pkg.Pkg.Path() + "." + a.Name()
			if a.Object() != nil && a.Object().Exported() {
				s.exported[c] = true
			}
			return c
		}
	case *ssa.FieldAddr:
		p, ok := types.Unalias(a.X.Type()).Underlying().(*types.Pointer)
		if !ok {
			return ""
		}
		n, ok := types.Unalias(p.Elem()).(*types.Named)
		if !ok || n.Obj().Pkg() == nil {
			return ""
		}
		st, ok := n.Underlying().(*types.Struct)
		if !ok || a.Field >= st.NumFields() {
			return ""
		}
		c := n.Obj().Pkg().Path() + "." + n.Obj().Name() + "." + st.Field(a.Field).Name()
		if st.Field(a.Field).Exported() && n.Obj().Exported() {
			s.exported[c] = true
		}
		return c
	}
	return ""
}

// LocalMake reports whether class is a channel made in a function (and
// maybe handed to others), rather than a field or a package-level variable.
func LocalMake(class string) bool {
	i := strings.LastIndex(class, ".")
	return i >= 0 && strings.HasPrefix(class[i+1:], "make@")
}

// StopOnly reports whether class is only ever closed, never sent on: a
// done or stop channel, whose receive means "give up for good".
func (o *Ops) StopOnly(class string) bool {
	closed := false
	for _, op := range o.ByClass[class] {
		switch op.Kind {
		case Send:
			return false
		case Close:
			closed = true
		}
	}
	return closed
}

// Permanent reports whether a receive from v, once ready, stays ready: v
// is ctx.Done() or a stop channel of the package (see StopOnly).
func (o *Ops) Permanent(v ssa.Value) bool {
	if call, ok := v.(*ssa.Call); ok {
		c := call.Common()
		if c.IsInvoke() && c.Method.Name() == "Done" && typematch.Named(c.Value.Type(), "context", "Context") {
			return true
		}
	}
	c := o.res.Class(v)
	return c != "" && o.Closed(c) && o.StopOnly(c)
}

// ArgClasses returns the class of the channel each call of fn in the
// package passes as parameter i ("" where it has none); nil when fn can be
// called from elsewhere (exported, or used as a value).
func (s *Result) ArgClasses(fn *ssa.Function, i int) []string {
	if VisibleOutside(fn) {
		return nil
	}
	var out []string
	for _, c := range s.callSites()[fn] {
		if i >= len(c.Args) {
			return nil
		}
		out = append(out, s.Class(c.Args[i]))
	}
	return out
}

// Same reports whether a and b denote the same object across the
// package's functions: one SSA value (through conversions and closure
// captures), or loads of one class (a struct field by its named type and
// field, a package-level variable). A field names every instance of its
// type: callers that need one instance check it on a path.
func (s *Result) Same(a, b ssa.Value) bool {
	a, b = unwrap(a), unwrap(b)
	if a == b {
		return true
	}
	c := s.Class(a)
	return c != "" && c == s.Class(b)
}

// unwrap strips conversions, resolves a closure's free variable to the
// value its maker bound, and a load of a variable assigned once (a
// captured variable lives in a cell) to the value stored.
func unwrap(v ssa.Value) ssa.Value {
	for range maxClassDepth {
		if ct, ok := v.(*ssa.ChangeType); ok {
			v = ct.X
			continue
		}
		next, ok := flow.Stored(v)
		if !ok {
			return v
		}
		v = next
	}
	return v
}
