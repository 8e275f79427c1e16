package lifetime

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// use is what one instruction does to a tracked resource.
type use uint8

const (
	useNone    use = iota // does not touch it
	useBorrow             // uses it and leaves the obligation in place
	useWrap               // puts it inside the function's result (summaries only)
	useEscape             // hands it to somewhere the analysis does not follow
	useRelease            // releases it
)

// discharges reports whether the use ends the obligation on this path.
func (u use) discharges() bool { return u == useEscape || u == useRelease || u == useWrap }

// binding is a closure's free variable that carries the resource.
type binding struct {
	index int  // into MakeClosure.Bindings / Function.FreeVars
	boxed bool // the binding is a box (a captured variable) holding it
}

// closure is a closure value that carries the resource in some bindings.
type closure struct {
	fn       *ssa.Function
	bindings []binding
}

// tracker holds the values that are, or carry, one resource inside one
// function: aliases (the value under conversions and phis), boxes (captured
// variables it was stored in), closures capturing it, values derived from
// it by wrapping callees, and the error that came with it.
type tracker struct {
	s        *summarizer
	kind     *Kind // nil in summaries: any release method counts
	aliases  map[ssa.Value]bool
	boxes    map[*ssa.Alloc]bool
	closures map[ssa.Value]*closure // MakeClosure values, and conversions of them
	derived  map[ssa.Value]bool
	errs     map[ssa.Value]bool
	// releasesOnError is set when a callee releases the resource on its
	// error paths (its error is then in errs).
	releasesOnError bool
	// returned maps allocations the function returns to the results that
	// return them (a bitmask): storing the resource in one wraps it into
	// those results (summaries only).
	returned map[ssa.Value]uint64
	// params are the function's parameters by value, for stores through a
	// parameter (summaries only).
	params map[ssa.Value]int
	// wrapInto accumulates where a summarised parameter is wrapped into:
	// result bits, then param bits from bit paramBit.
	wrapInto uint64
	// slots are the fields of local structs the resource was stored in:
	// loads from them are the resource again.
	slots map[slot]bool
	// structs are those local structs (and copies of them): handed to a
	// call, they may be released through their fields (cs.cancel()).
	structs map[ssa.Value]bool
	// origin is the acquiring call (nil in summaries): only paths from it
	// matter.
	origin ssa.Instruction
	// reaching caches, per load of a variable the error was stored in,
	// the stores that reach it (nil when some path stores none).
	reaching map[*ssa.UnOp][]*ssa.Store
}

func newTracker(s *summarizer, kind *Kind, root ssa.Value) *tracker {
	t := &tracker{
		s: s, kind: kind,
		aliases:  map[ssa.Value]bool{},
		boxes:    map[*ssa.Alloc]bool{},
		closures: map[ssa.Value]*closure{},
		derived:  map[ssa.Value]bool{},
		errs:     map[ssa.Value]bool{},
		slots:    map[slot]bool{},
		structs:  map[ssa.Value]bool{},
	}
	t.addAlias(root)
	return t
}

// addAlias adds v and everything that is the same resource under another
// type or name.
func (t *tracker) addAlias(v ssa.Value) {
	if v == nil || t.aliases[v] {
		return
	}
	t.aliases[v] = true
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Phi:
			t.addAlias(r)
		case *ssa.ChangeType:
			t.addAlias(r)
		case *ssa.MakeInterface:
			t.addAlias(r)
		case *ssa.ChangeInterface:
			t.addAlias(r)
		case *ssa.Convert:
			t.addAlias(r)
		case *ssa.TypeAssert:
			if !r.CommaOk {
				t.addAlias(r)
			} else {
				t.addExtract(r, 0, t.addAlias)
			}
		case *ssa.Store:
			if a, ok := r.Addr.(*ssa.Alloc); ok && r.Val == v {
				t.addBox(a)
			} else if r.Val == v {
				t.addSlot(r.Addr)
			}
		case *ssa.MakeClosure:
			t.addClosure(r, v, false)
		case *ssa.Call:
			if t.chains(r, v) {
				t.addAlias(r)
				continue
			}
			t.addWrapped(r, v)
			t.addReleasedOnError(r, v)
		case *ssa.FieldAddr:
			t.addOwnedField(r, v)
			t.addEmbedded(r)
		}
	}
}

// builder is the kind whose Builder type v's type points to: the
// tracker's, or in a summary (no kind) the built-in one.
func (t *tracker) builder(v ssa.Value) *Kind {
	if t.kind != nil {
		if t.kind.isBuilder(v.Type()) {
			return t.kind
		}
		return nil
	}
	return builderKind(v.Type())
}

// builderMethod reports whether c is a method of a builder resource
// called on v (the resource or a value carrying it).
func (t *tracker) builderMethod(c *ssa.CallCommon, v ssa.Value) bool {
	fn := c.StaticCallee()
	return fn != nil && fn.Signature.Recv() != nil && len(c.Args) > 0 && c.Args[0] == v && t.builder(v) != nil
}

// chains reports whether call is a builder method on v returning the
// builder's type: its result is the same resource (e.Str(k, v) returns e).
func (t *tracker) chains(call *ssa.Call, v ssa.Value) bool {
	return t.builderMethod(call.Common(), v) && types.Identical(call.Type(), v.Type()) &&
		!t.builder(v).releases(call.Common().StaticCallee().Name())
}

// addEmbedded adds an embedded field of the resource as the resource
// itself: a method promoted from it (c.Close() on a *net.UDPConn, which
// embeds net's conn) is called on the field's address, and an embedded
// interface or pointer (struct{ net.Conn }) is loaded first.
func (t *tracker) addEmbedded(fa *ssa.FieldAddr) {
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return
	}
	s, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= s.NumFields() || !s.Field(fa.Field).Embedded() {
		return
	}
	t.addAlias(fa)
	for _, r := range *fa.Referrers() {
		if load, ok := r.(*ssa.UnOp); ok && load.Op == token.MUL && isPointerOrInterface(load.Type()) {
			t.addAlias(load)
		}
	}
}

// isPointerOrInterface reports whether values of t share what they refer
// to when copied.
func isPointerOrInterface(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface:
		return true
	}
	return false
}

// addOwnedField adds the loads of an owned field (resp.Body) as aliases.
func (t *tracker) addOwnedField(fa *ssa.FieldAddr, v ssa.Value) {
	name := ownedField(v.Type())
	st, ok := v.Type().Underlying().(*types.Pointer)
	if name == "" || !ok {
		return
	}
	s, ok := st.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= s.NumFields() || s.Field(fa.Field).Name() != name {
		return
	}
	for _, r := range *fa.Referrers() {
		if u, ok := r.(*ssa.UnOp); ok && u.Op == token.MUL {
			t.addAlias(u)
		}
	}
}

// addWrapped marks the result of call as derived when a callee wraps v
// into its result.
func (t *tracker) addWrapped(call *ssa.Call, v ssa.Value) {
	fn, ok := call.Call.Value.(*ssa.Function)
	if !ok {
		return
	}
	for i, a := range call.Call.Args {
		if a != v || t.s.paramEffect(fn, i) != Wraps {
			continue
		}
		targets := t.s.wrapTargets(fn, i)
		for j := 0; j < resultCount(call); j++ {
			if targets&(1<<j) == 0 {
				continue
			}
			r := ssa.Value(call)
			if _, ok := call.Type().(*types.Tuple); ok {
				r = extractOf(call, j)
			}
			if cl := t.closures[v]; cl != nil && r != nil && isFunc(r.Type()) {
				// A func wrapped into a func (defer capture(&err, f.Close)():
				// influxdb's errors.Capture): calling the wrapper is taken to
				// call what it wraps.
				t.addClosureValue(r, cl)
				continue
			}
			t.addDerived(r)
		}
		for k, arg := range call.Call.Args {
			if k != i && targets&(1<<(paramBit+k)) != 0 && !t.aliases[arg] {
				t.addDerived(arg)
			}
		}
	}
}

// isFunc reports whether t is a func type.
func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// paramBit is where parameter targets start in a wrap bitmask.
const paramBit = 32

// slot is a field (or element) of a local allocation.
type slot struct {
	base  ssa.Value
	field int
}

// addSlot records that the resource was stored into a field of a local
// allocation (a struct literal, say): the allocation carries it, and loads
// of that field are the resource again.
func (t *tracker) addSlot(addr ssa.Value) {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return
	}
	base, ok := fa.X.(*ssa.Alloc)
	if !ok || t.boxes[base] {
		return
	}
	t.addSlotOf(base, fa.Field)
}

// addSlotOf records that field of the local allocation base holds the
// resource.
func (t *tracker) addSlotOf(base *ssa.Alloc, field int) {
	if t.slots[slot{base, field}] {
		return
	}
	t.slots[slot{base, field}] = true
	t.structs[base] = true
	t.addDerived(base)
	for _, r := range *base.Referrers() {
		other, ok := r.(*ssa.FieldAddr)
		if !ok || other.Field != field {
			continue
		}
		for _, u := range *other.Referrers() {
			if load, ok := u.(*ssa.UnOp); ok && load.Op == token.MUL {
				t.addAlias(load)
			}
		}
	}
}

// copiedSlot reports whether v is a copy of a local struct whose field
// holds the resource (a struct literal in a variable that SSA keeps as a
// value).
func (t *tracker) copiedSlot(v ssa.Value, field int) bool {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return false
	}
	a, ok := u.X.(*ssa.Alloc)
	return ok && t.slots[slot{a, field}]
}

// addStructCopy follows a copy of a local struct that carries the
// resource into another local variable (p := probe{resp: resp} builds the
// literal, then copies it into p): p's fields are the literal's. Only a
// variable whose address does not escape is followed; the others stay
// escapes.
func (t *tracker) addStructCopy(load *ssa.UnOp, dst *ssa.Alloc) {
	src, ok := load.X.(*ssa.Alloc)
	if !ok || !t.structs[src] || dst.Heap {
		return
	}
	for s := range t.slots {
		if s.base == src {
			t.addSlotOf(dst, s.field)
		}
	}
}

// addReleasedOnError records the error of a call whose callee releases v
// when it fails: on the edge where that error is not nil, nothing is owed.
func (t *tracker) addReleasedOnError(call *ssa.Call, v ssa.Value) {
	if name, recv := methodCall(call.Common()); t.kind != nil && recv == v && t.kind.closedOnError(name) {
		t.addErr(errorResult(call)) // rows.Scan failed: pgx closed the rows
		return
	}
	fn, ok := call.Call.Value.(*ssa.Function)
	if !ok {
		return
	}
	for i, a := range call.Call.Args {
		if a != v || t.s.paramEffect(fn, i) != ReleasesOnError {
			continue
		}
		if tuple, ok := call.Type().(*types.Tuple); ok {
			t.addErr(extractOf(call, tuple.Len()-1))
		} else {
			t.addErr(call)
		}
		t.releasesOnError = true
		return
	}
}

// methodCall returns the method name and receiver of a method call
// (static or through an interface), or "" and nil.
func methodCall(c *ssa.CallCommon) (string, ssa.Value) {
	if c.IsInvoke() {
		return c.Method.Name(), c.Value
	}
	if fn := c.StaticCallee(); fn != nil && fn.Signature.Recv() != nil && len(c.Args) > 0 {
		return fn.Name(), c.Args[0]
	}
	return "", nil
}

// errorResult is call's last result when it is an error, or nil.
func errorResult(call *ssa.Call) ssa.Value {
	if tuple, ok := call.Type().(*types.Tuple); ok {
		if tuple.Len() > 0 && isError(tuple.At(tuple.Len()-1).Type()) {
			return extractOf(call, tuple.Len()-1)
		}
		return nil
	}
	if isError(call.Type()) {
		return call
	}
	return nil
}

// extractOf returns the Extract #i of a tuple-valued value, or nil.
func extractOf(v ssa.Value, i int) ssa.Value {
	for _, r := range *v.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == i {
			return e
		}
	}
	return nil
}

// addBox records a captured (or address-taken) variable holding the
// resource: its loads are aliases, closures binding it carry it.
func (t *tracker) addBox(a *ssa.Alloc) {
	if t.boxes[a] {
		return
	}
	t.boxes[a] = true
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op == token.MUL {
				t.addAlias(r)
			}
		case *ssa.MakeClosure:
			t.addClosure(r, a, true)
		}
	}
}

func (t *tracker) addClosure(mc *ssa.MakeClosure, v ssa.Value, boxed bool) {
	c := t.closures[mc]
	if c == nil {
		c = &closure{fn: mc.Fn.(*ssa.Function)}
	}
	for i, b := range mc.Bindings {
		if b == v {
			c.bindings = append(c.bindings, binding{i, boxed})
		}
	}
	t.addClosureValue(mc, c)
}

// addClosureValue records v as carrying closure c, and follows it through
// conversions (a func literal passed as a named func type) and wrapping
// callees.
func (t *tracker) addClosureValue(v ssa.Value, c *closure) {
	if t.closures[v] == c {
		return
	}
	t.closures[v] = c
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.ChangeType:
			t.addClosureValue(r, c)
		case *ssa.MakeInterface:
			t.addClosureValue(r, c)
		case *ssa.Phi:
			// var hook func(); if debug { hook = func() { use(f) } }
			t.addClosureValue(r, c)
		case *ssa.Call:
			t.addWrapped(r, v)
		}
	}
}

// addDerived records a value built around the resource by a wrapping
// callee (json.NewDecoder(f)): using it borrows the resource, and letting
// it escape lets the resource escape, but releasing it does not release
// the resource.
func (t *tracker) addDerived(v ssa.Value) {
	if v == nil || t.derived[v] || t.aliases[v] {
		return
	}
	t.derived[v] = true
	refs := v.Referrers()
	if refs == nil {
		return
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Phi, *ssa.ChangeType, *ssa.MakeInterface, *ssa.ChangeInterface:
			t.addDerived(r.(ssa.Value))
		case *ssa.Extract:
			t.addDerived(r)
		case *ssa.Call:
			if t.chains(r, v) {
				t.addAlias(r) // a helper's chain, continued: the same event
				continue
			}
			t.addWrapped(r, v)
		case *ssa.Store:
			if a, ok := r.Addr.(*ssa.Alloc); ok && r.Val == v {
				if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
					t.addStructCopy(load, a)
				}
				for _, ar := range *a.Referrers() {
					switch ar := ar.(type) {
					case *ssa.UnOp:
						if ar.Op == token.MUL {
							t.addDerived(ar)
						}
					case *ssa.FieldAddr:
						if _, copied := v.(*ssa.UnOp); copied {
							continue // a struct copy: addStructCopy knows its fields
						}
						for _, fr := range *ar.Referrers() {
							if u, ok := fr.(*ssa.UnOp); ok && u.Op == token.MUL && mayHoldResource(u.Type()) {
								t.addDerived(u) // s.conn of s := newSession(c)
							}
						}
					}
				}
			}
		case *ssa.UnOp:
			if _, isAlloc := v.(*ssa.Alloc); isAlloc && r.Op == token.MUL {
				t.addDerived(r) // a copy of a struct that carries it
			}
		case *ssa.Field:
			if t.copiedSlot(v, r.Field) {
				t.addAlias(r) // r := wrapped{resp}; r.Response
			}
		}
	}
}

// addExtract calls add for the Extract #index of a tuple-valued v.
func (t *tracker) addExtract(v ssa.Value, index int, add func(ssa.Value)) {
	for _, r := range *v.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == index {
			add(e)
		}
	}
}

// addErr records the error that came with the resource: on a path where
// it is not nil, nothing is owed.
func (t *tracker) addErr(v ssa.Value) {
	if v == nil || t.errs[v] {
		return
	}
	t.errs[v] = true
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.Phi, *ssa.ChangeInterface:
			t.addErr(r.(ssa.Value))
		case *ssa.Call:
			t.addTranslatedErr(r, v)
		case *ssa.Store:
			if r.Val == v && isVariable(r.Addr) {
				for _, ar := range *r.Addr.Referrers() {
					if u, ok := ar.(*ssa.UnOp); ok && u.Op == token.MUL && t.holdsErr(u) {
						t.addErr(u)
					}
				}
			}
		}
	}
}

// holdsErr reports whether load u of a variable that the error was
// stored in reads that error: every store reaching it from the
// acquisition stores one (f, err = os.Open(a) on one branch and os.Create(b)
// on the other share err, each on its own paths). A
// variable reused for a later call's error (_, err = f.Stat() into a
// named result) holds that one from its store on. A captured variable
// assigned in a closure (a FreeVar) is taken to hold it.
func (t *tracker) holdsErr(u *ssa.UnOp) bool {
	a, ok := u.X.(*ssa.Alloc)
	if !ok {
		return true
	}
	if t.reaching == nil {
		t.reaching = map[*ssa.UnOp][]*ssa.Store{}
	}
	stores, ok := t.reaching[u]
	if !ok {
		var undefined bool
		stores, undefined = flow.ReachingStores(a, t.origin, u)
		if undefined {
			stores = nil
		}
		t.reaching[u] = stores
	}
	if len(stores) == 0 {
		return false
	}
	for _, st := range stores {
		if !t.errs[st.Val] {
			return false
		}
	}
	return true
}

// addTranslatedErr records the results of call that are nil exactly when
// its argument v, the error, is (translate(err): its summary says so).
func (t *tracker) addTranslatedErr(call *ssa.Call, v ssa.Value) {
	callee := call.Common().StaticCallee()
	if callee == nil || t.s == nil {
		return
	}
	sum := t.s.summary(callee)
	if sum == nil {
		return
	}
	for j, of := range sum.ErrOf {
		if of == 0 || of-1 >= len(call.Common().Args) || call.Common().Args[of-1] != v {
			continue
		}
		if len(sum.ErrOf) == 1 {
			t.addErr(call)
		} else {
			t.addExtract(call, j, t.addErr)
		}
	}
}

// isVariable reports whether addr is a variable's cell: a local one, or
// the enclosing function's, captured by a closure (fd, err = open() inside
// a func literal assigns the outer err: nats-server's filestore.go).
func isVariable(addr ssa.Value) bool {
	switch addr.(type) {
	case *ssa.Alloc, *ssa.FreeVar:
		return true
	}
	return false
}

// carried reports whether v is the resource or carries it.
func (t *tracker) carried(v ssa.Value) bool {
	if t.aliases[v] || t.derived[v] {
		return true
	}
	return t.closures[v] != nil
}

// capturesSlot reports whether v is a closure capturing a local struct
// that holds the resource in a field: the closure carries it (a returned
// stop func closing prof.mem).
func (t *tracker) capturesSlot(v ssa.Value) bool {
	mc, ok := v.(*ssa.MakeClosure)
	if !ok || len(t.slots) == 0 {
		return false
	}
	for _, b := range mc.Bindings {
		for sl := range t.slots {
			if sl.base == b {
				return true
			}
		}
	}
	return false
}

// classify says what ins does to the resource.
func (t *tracker) classify(ins ssa.Instruction) use {
	switch ins := ins.(type) {
	case *ssa.Call:
		return t.classifyCall(ins.Common(), false)
	case *ssa.Defer:
		return t.classifyCall(ins.Common(), false)
	case *ssa.Go:
		return t.classifyCall(ins.Common(), true)
	case *ssa.Return:
		u := useNone
		for j, r := range ins.Results {
			r = storedResult(r)
			if t.capturesSlot(r) {
				return useEscape // return func() { s.f.Close() }: the closure takes s
			}
			if !t.carried(r) {
				continue
			}
			if t.returned == nil {
				return useEscape
			}
			t.wrapInto |= 1 << j // summaries: it flows into result j
			u = useWrap
		}
		return u
	case *ssa.Store:
		return t.classifyStore(ins)
	case *ssa.MapUpdate:
		if t.carried(ins.Key) || t.carried(ins.Value) {
			return useEscape
		}
	case *ssa.Send:
		if t.carried(ins.X) {
			return useEscape
		}
	case *ssa.Panic:
		if t.carried(ins.X) {
			return useEscape
		}
	case *ssa.Select:
		for _, st := range ins.States {
			if st.Send != nil && t.carried(st.Send) {
				return useEscape
			}
		}
	case *ssa.Slice, *ssa.IndexAddr, *ssa.FieldAddr, *ssa.Field, *ssa.Index, *ssa.UnOp, *ssa.BinOp:
		for _, op := range ins.Operands(nil) {
			if *op != nil && t.carried(*op) {
				return useBorrow
			}
		}
	}
	return useNone
}

// wrapUse is the use of passing the resource as argument i to fn, which
// wraps it into some of its results or other arguments: those carry it on
// (they were marked derived when the tracker was built). In a summary, a
// target that is itself returned, or a parameter, wraps the summarised
// parameter in turn.
func (t *tracker) wrapUse(fn *ssa.Function, i int, args []ssa.Value, spawned bool) use {
	if spawned {
		return useEscape
	}
	targets := t.s.wrapTargets(fn, i)
	if t.returned == nil {
		for k, arg := range args {
			if k != i && targets&(1<<(paramBit+k)) != 0 && outlives(arg) {
				return useEscape // w.setSegment(s) keeps s in the receiver
			}
		}
		return useBorrow
	}
	u := useBorrow
	for k, arg := range args {
		if k == i || targets&(1<<(paramBit+k)) == 0 {
			continue
		}
		if bits := t.returned[arg]; bits != 0 {
			t.wrapInto |= bits
			u = useWrap
		} else if p, ok := t.params[arg]; ok {
			t.wrapInto |= 1 << (paramBit + p)
			u = useWrap
		}
	}
	return u
}

// classifyStore handles a store of the resource (or of a value carrying
// it) somewhere.
func (t *tracker) classifyStore(ins *ssa.Store) use {
	if a, ok := ins.Addr.(*ssa.Alloc); ok && t.boxes[a] {
		if t.carried(ins.Val) && t.s.releasedByDeferredClosure(a, ins) {
			return useRelease // var f; defer func() { f.Close() }(); f = open()
		}
		// Storing something else (f = nil, return nil, err into a named
		// result) leaves the defer nothing of it to release.
		return useNone
	}
	if !t.carried(ins.Val) {
		return useNone
	}
	if _, copied := ins.Val.(*ssa.UnOp); !copied && isAlloc(ins.Addr) && t.derived[ins.Val] && followedVariable(ins.Addr.(*ssa.Alloc)) {
		return useBorrow // s := newSession(c): s's loads carry it on
	}
	base := flow.MemoryRoot(ins.Addr)
	switch {
	case t.aliases[base]:
		return useNone // into the resource itself (rows.cancel = ...)
	case t.returned != nil && t.returned[base] != 0:
		t.wrapInto |= t.returned[base]
		return useWrap
	case t.params != nil && hasParam(t.params, base):
		t.wrapInto |= 1 << (paramBit + t.params[base])
		return useWrap
	case t.derived[base]:
		if _, local := base.(*ssa.Alloc); local {
			return useBorrow // into a local struct, which carries it on
		}
	case formattedOnly(base):
		return useBorrow // fmt.Print(resp): formatted during the call, not kept
	}
	return useEscape
}

// isAlloc reports whether v is an allocation.
func isAlloc(v ssa.Value) bool {
	_, ok := v.(*ssa.Alloc)
	return ok
}

// followedVariable reports whether a is a local variable whose every use
// addDerived follows: stores into it, loads of it, and loads of its
// fields. Its address goes nowhere else, so what is stored there is seen
// wherever it is read.
func followedVariable(a *ssa.Alloc) bool {
	if a.Heap {
		return false
	}
	isLoad := func(i ssa.Instruction) bool {
		u, ok := i.(*ssa.UnOp)
		return ok && u.Op == token.MUL
	}
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != a {
				return false
			}
		case *ssa.FieldAddr:
			for _, fr := range *r.Referrers() {
				if st, ok := fr.(*ssa.Store); ok && st.Addr == r {
					continue
				}
				if !isLoad(fr) {
					return false
				}
			}
		case *ssa.DebugRef:
		default:
			if !isLoad(r) {
				return false
			}
		}
	}
	return true
}

// formatters are the fmt functions that, by their contract, only format
// their operands during the call: the result is new text, nothing keeps
// the values. Errorf is not one: with %w the error it returns keeps its
// operand.
var formatters = map[string]bool{
	"Print": true, "Println": true, "Printf": true,
	"Sprint": true, "Sprintln": true, "Sprintf": true,
	"Fprint": true, "Fprintln": true, "Fprintf": true,
	"Append": true, "Appendln": true, "Appendf": true,
}

// formattedOnly reports whether base is the array of a variadic call's
// ...any operands, and every use of that array is the slice handed to a
// formatter as its variadic argument.
func formattedOnly(base ssa.Value) bool {
	arr, ok := base.(*ssa.Alloc)
	if !ok {
		return false
	}
	sliced := false
	for _, r := range *arr.Referrers() {
		switch r := r.(type) {
		case *ssa.IndexAddr:
		case *ssa.Slice:
			if !onlyFormatted(r) {
				return false
			}
			sliced = true
		default:
			return false
		}
	}
	return sliced
}

// onlyFormatted reports whether every use of the slice s is as the
// variadic argument of a call to a formatter.
func onlyFormatted(s *ssa.Slice) bool {
	refs := *s.Referrers()
	if len(refs) == 0 {
		return false
	}
	for _, r := range refs {
		call, ok := r.(*ssa.Call)
		if !ok || call.Call.IsInvoke() {
			return false
		}
		fn := call.Call.StaticCallee()
		args := call.Call.Args
		if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg.Path() != "fmt" || fn.Signature.Recv() != nil ||
			!formatters[fn.Name()] || !fn.Signature.Variadic() || args[len(args)-1] != s {
			return false
		}
	}
	return true
}

func hasParam(params map[ssa.Value]int, v ssa.Value) bool {
	_, ok := params[v]
	return ok
}

// classifyCall handles calls, defers and go statements.
func (t *tracker) classifyCall(c *ssa.CallCommon, spawned bool) use {
	result := useNone
	note := func(u use) {
		if u > result {
			result = u
		}
	}
	if c.IsInvoke() {
		if t.aliases[c.Value] || t.derived[c.Value] {
			if t.releasesVia(c.Value, c.Method.Name()) {
				note(useRelease)
			} else {
				note(useBorrow)
			}
		}
		for _, a := range c.Args {
			if t.carried(a) {
				note(retainingMethod(c.Method))
			}
		}
		return result
	}
	if cl := t.closures[c.Value]; cl != nil {
		note(t.closureUse(cl, spawned))
		for _, a := range c.Args {
			if t.carried(a) {
				note(useEscape)
			}
		}
		return result
	}
	switch fn := c.Value.(type) {
	case *ssa.Builtin:
		for _, a := range c.Args {
			if t.carried(a) {
				if fn.Name() == "append" || fn.Name() == "copy" {
					note(useEscape)
				} else {
					note(useBorrow)
				}
			}
		}
		return result
	case *ssa.Function:
		for i, a := range c.Args {
			if !t.carried(a) {
				continue
			}
			if i == 0 && fn.Signature.Recv() != nil && t.releasesVia(a, fn.Name()) {
				note(useRelease)
				continue
			}
			if i == 0 && t.builderMethod(c, a) {
				note(Borrows.asUse(spawned)) // a chain's own method: e.Err(err), e.Str(k, v)
				continue
			}
			if t.isStruct(a) {
				note(useEscape) // the callee may release it through the field
				continue
			}
			if i == 0 && t.aliases[a] && ownMethod(fn) {
				note(Borrows.asUse(spawned))
				continue
			}
			if t.derived[a] {
				note(t.s.paramEffect(fn, i).derivedUse(spawned))
				continue
			}
			e := t.s.paramEffect(fn, i)
			if e == Wraps {
				note(t.wrapUse(fn, i, c.Args, spawned))
				continue
			}
			if cl := t.closures[a]; cl != nil && (e == Borrows || e == Releases) {
				// A callee that borrows or releases (calls) a func value
				// calls it: what the closure does to the resource is what
				// happens.
				note(t.closureUse(cl, spawned))
				continue
			}
			note(e.asUse(spawned))
		}
		return result
	}
	// A call through a function value: calling the resource itself
	// releases a cancel func; anything carried as an argument escapes.
	if t.aliases[c.Value] && t.callReleases(c.Value.Type()) {
		note(useRelease)
	}
	for _, a := range c.Args {
		if t.carried(a) {
			note(useEscape)
		}
	}
	return result
}

// partialHandoff returns the function g runs when it is handed the
// resource and releases it on some paths only (Summary.Partial): the
// goroutine took ownership, since it closes it, and the caller cannot
// release it after handing it over.
func (t *tracker) partialHandoff(g *ssa.Go) *ssa.Function {
	if t.kind != nil && t.kind.CallReleases {
		// A goroutine that cancels on some paths watches the context:
		// where it does not, the context is done already.
		return nil
	}
	if cl := t.closures[g.Call.Value]; cl != nil {
		// A literal capturing it: what its body does on every path.
		for _, b := range cl.bindings {
			if e, partial := mustEffect(cl.fn, t.s.freeVarTracker(cl.fn, b)); e == Borrows && partial {
				return cl.fn
			}
		}
		return nil
	}
	fn, ok := g.Call.Value.(*ssa.Function)
	if !ok {
		return nil
	}
	sum := t.s.summary(fn)
	if sum == nil {
		return nil
	}
	for i, a := range g.Call.Args {
		if t.aliases[a] && i < len(sum.Params) && sum.Params[i] == Borrows && sum.partial(i) {
			return fn
		}
	}
	return nil
}

// releasesVia reports whether calling method name on v (the resource or a
// value carrying it) releases the resource. Closing a wrapper counts as
// closing what it wraps: most wrappers with a Close method close the inner
// resource, and the analysis errs on the side of silence for the others.
func (t *tracker) releasesVia(v ssa.Value, name string) bool {
	if t.derived[v] {
		return name == "Close" || t.isReleaseMethod(name, v.Type())
	}
	return t.aliases[v] && t.isReleaseMethod(name, v.Type())
}

// isMethodCall reports whether c calls method name on the resource.
func (t *tracker) isMethodCall(c *ssa.CallCommon, name string) bool {
	if c.IsInvoke() {
		return c.Method.Name() == name && t.aliases[c.Value]
	}
	fn := c.StaticCallee()
	return fn != nil && fn.Signature.Recv() != nil && fn.Name() == name && len(c.Args) > 0 && t.aliases[c.Args[0]]
}

// isOwnMethodCall reports whether c calls a method on the resource with the
// resource as its only carried argument.
func (t *tracker) isOwnMethodCall(c *ssa.CallCommon) bool {
	recv := c.Value
	args := c.Args
	if !c.IsInvoke() {
		fn := c.StaticCallee()
		if fn == nil || fn.Signature.Recv() == nil || len(args) == 0 {
			return false
		}
		recv, args = args[0], args[1:]
	}
	if !t.aliases[recv] {
		return false
	}
	for _, a := range args {
		if t.carried(a) {
			return false
		}
	}
	return true
}

// eachView calls f with fn and t, then with every closure that captures
// the resource and a tracker of the resource inside it.
func (t *tracker) eachView(fn *ssa.Function, f func(*ssa.Function, *tracker)) {
	f(fn, t)
	seen := map[*closure]bool{}
	for _, cl := range t.closures {
		if seen[cl] {
			continue
		}
		seen[cl] = true
		for _, b := range cl.bindings {
			f(cl.fn, t.s.freeVarTracker(cl.fn, b))
		}
	}
}

// isStruct reports whether v is a local struct carrying the resource in a
// field, or a copy of one.
func (t *tracker) isStruct(v ssa.Value) bool {
	if t.structs[v] {
		return true
	}
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		return t.structs[u.X]
	}
	return false
}

// closureUse is what calling closure cl does to the resource.
func (t *tracker) closureUse(cl *closure, spawned bool) use {
	u := useNone
	for _, b := range cl.bindings {
		x := t.s.freeVarEffect(cl.fn, b).asUse(spawned)
		if x == useEscape && spawned && t.neverCalledIn(cl.fn, b) {
			x = useBorrow
		}
		if x > u {
			u = x
		}
	}
	return u
}

// neverCalledIn reports whether closure fn, bound to a resource released
// by calling it (a cancel func), neither calls it nor hands it to any
// call: a goroutine running fn cannot release it however long it runs
// (vet's lostcancel misses a cancel captured by a goroutine that only
// mentions it).
func (t *tracker) neverCalledIn(fn *ssa.Function, b binding) bool {
	if t.kind == nil || !t.kind.CallReleases {
		return false
	}
	inner := t.s.freeVarTracker(fn, b)
	for _, blk := range fn.Blocks {
		for _, ins := range blk.Instrs {
			switch inner.classify(ins) {
			case useNone:
			case useBorrow:
				if _, isCall := ins.(ssa.CallInstruction); isCall {
					return false
				}
			default:
				return false
			}
		}
	}
	return true
}

// isReleaseMethod reports whether calling method name on a value of type
// recv releases the resource.
func (t *tracker) isReleaseMethod(name string, recv types.Type) bool {
	if k := builderKind(recv); t.kind == nil && k != nil {
		return k.releases(name)
	}
	if t.kind != nil {
		for _, r := range t.kind.Release {
			if r == name {
				return true
			}
		}
		return false
	}
	switch name {
	case "Close":
		return true
	case "Commit", "Rollback":
		return isTx(recv)
	}
	return false
}

// callReleases reports whether calling a value of type typ releases it.
func (t *tracker) callReleases(typ types.Type) bool {
	if t.kind != nil {
		return t.kind.CallReleases
	}
	// In a summary, calling a func parameter is what releases a cancel
	// func passed there (defer runCleanup(cancel)); a caller that passes a
	// closure instead gets what the closure does (classifyCall), and one
	// that passes a plain callback tracks nothing.
	return isFunc(typ)
}

// borrowingMethods are interface methods whose implementations, by their
// contract, use their argument during the call only: io.Copy hands the
// source to ReadFrom or WriteTo, which must not retain it.
var borrowingMethods = map[string]map[string]bool{
	"io": {"ReadFrom": true, "WriteTo": true, "Write": true, "Read": true},
}

// retainingMethod is the use of passing a resource to an interface method.
func retainingMethod(m *types.Func) use {
	if m.Pkg() != nil && borrowingMethods[m.Pkg().Path()][m.Name()] {
		return useBorrow
	}
	return useEscape
}

// ownMethod reports whether fn is a method a package declares on a
// pointer to one of its handle types whose contract says the handle stays
// its opener's to release, though the method's summary sees it escape:
//
// database/sql: using a statement (stmt.Query, stmt.QueryRow) records it in
// database/sql's dependency tracking (db.addDep), which its summary sees as
// an escape, but by the package's contract the caller still closes it. A
// transaction's queries hand the rows a release func bound to the
// transaction (tx.grabConn), which a goroutine watching the query's context
// may call; by the package's contract only Commit or Rollback finish it
// ("The transaction must end with a call to Commit or Rollback"), so
// tx.QueryRow(...).Scan or tx.Query leaves it open. A *sql.DB's methods
// (Ping, Query, Conn) record it in the connections they open
// (driverConn.db), and it stays its opener's to Close.
//
// net/http/httptest: Start and StartTLS hand the server to its serving
// goroutine, which runs until Close ("The caller should call Close when
// finished, to shut it down").
func ownMethod(fn *ssa.Function) bool {
	recv := fn.Signature.Recv()
	if recv == nil || fn.Pkg == nil {
		return false
	}
	for _, h := range ownHandles {
		if fn.Pkg.Pkg.Path() == h.pkg && typematch.PointerTo(recv.Type(), h.pkg, h.typ) {
			return true
		}
	}
	return false
}

// ownHandles are the handle types of ownMethod.
var ownHandles = []struct{ pkg, typ string }{
	{"database/sql", "Stmt"}, {"database/sql", "Rows"}, {"database/sql", "Conn"},
	{"database/sql", "Tx"}, {"database/sql", "DB"},
	{"net/http/httptest", "Server"},
}

// outlives reports whether v, a value a callee wraps the resource into, is
// not the function's own: a parameter (the receiver), a captured variable,
// a global, or what a field or element holds. Wrapping the resource into it
// hands the resource to whoever owns v.
func outlives(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Parameter, *ssa.FreeVar, *ssa.Global:
		return true
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return false
		}
		switch x := v.X.(type) {
		case *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Global, *ssa.FreeVar:
			return true
		case *ssa.Alloc:
			return spilledParam(x)
		}
	}
	return false
}

// spilledParam reports whether a is the cell of a parameter that a
// closure captures (SSA stores the parameter there and loads each use).
func spilledParam(a *ssa.Alloc) bool {
	for _, r := range *a.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == a {
			if _, ok := st.Val.(*ssa.Parameter); ok {
				return true
			}
		}
	}
	return false
}
