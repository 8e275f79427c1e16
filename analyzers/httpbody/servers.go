package httpbody

import (
	"go/constant"
	"go/token"
	"go/types"
	"net"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// The http.Servers of a package, followed through SSA: a server is a class
// of values that may denote one server object (the literal, the variable it
// is kept in, the struct field or package variable it is stored into, the
// parameter of a helper it is passed to, the result of a constructor, a
// closure's free variable), joined by union-find. The classes are coarse
// on purpose: two servers that meet in one helper become one, so a
// timeout set on either counts for both (a missed finding, never a false
// one). What the package does to a class is collected on it: the timeout
// fields it sets, the addresses and handlers it stores, the calls that
// serve it, and whether it escapes to code out of sight (an unknown
// callee, an interface, a slice or map, an exported field), which may
// configure it.

// serverClass is what the package does with one server.
type serverClass struct {
	origins  []ssa.Value // the allocations: composite literals, new, variables
	serves   []serveCall
	timeout  bool        // ReadHeaderTimeout or ReadTimeout is set (or its address taken)
	addrs    []ssa.Value // values stored into Addr
	handlers []ssa.Value // values stored into Handler
	unknown  bool        // escapes to code that may configure it
}

// serveCall is a call that serves a server or the default one.
type serveCall struct {
	call     ssa.CallInstruction
	name     string    // the method or net/http function
	listener ssa.Value // Serve and ServeTLS: the listener; nil otherwise
	addr     ssa.Value // package ListenAndServe(TLS): the address
	handler  ssa.Value // package functions: the handler argument
}

// serverSet holds the union-find over server values of one package.
type serverSet struct {
	parent  map[any]any
	classes map[any]*serverClass
	pkgFns  []serveCall     // http.ListenAndServe & co.
	fns     []*ssa.Function // the functions followed, for flags' defaults
}

func (s *serverSet) find(k any) any {
	p, ok := s.parent[k]
	if !ok {
		s.parent[k] = k
		return k
	}
	if p == k {
		return k
	}
	r := s.find(p)
	s.parent[k] = r
	return r
}

func (s *serverSet) union(a, b any) {
	ra, rb := s.find(a), s.find(b)
	if ra != rb {
		s.parent[ra] = rb
	}
}

// class returns the class of k, after every union is done.
func (s *serverSet) class(k any) *serverClass {
	r := s.find(k)
	c := s.classes[r]
	if c == nil {
		c = &serverClass{}
		s.classes[r] = c
	}
	return c
}

// isServer reports whether t is *http.Server, a pointer to the server.
func isServer(t types.Type) bool { return typematch.PointerTo(t, "net/http", "Server") }

// isServerCell reports whether t is **http.Server: a variable, field or
// global that holds a pointer to a server.
func isServerCell(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	return ok && isServer(p.Elem())
}

// tracked reports whether v's type is one the classes follow.
func tracked(v ssa.Value) bool {
	return v != nil && (isServer(v.Type()) || isServerCell(v.Type()))
}

// serveMethods are the methods of *http.Server that accept connections.
var serveMethods = map[string]bool{"ListenAndServe": true, "ListenAndServeTLS": true, "Serve": true, "ServeTLS": true}

// collectServers builds the server classes of the package's functions
// (test files left out: a test's server is not a production one).
func collectServers(pass *analysis.Pass, pkg *ssa.Package, fns []*ssa.Function) *serverSet {
	s := &serverSet{parent: map[any]any{}, classes: map[any]*serverClass{}}
	var events []func()
	returns := map[*ssa.Function][]*ssa.Return{}
	var all []*ssa.Function
	seen := map[*ssa.Function]bool{}
	add := func(fn *ssa.Function) {
		if fn != nil && !seen[fn] && len(fn.Blocks) > 0 && (!fn.Pos().IsValid() || !isTestFile(pass, fn.Pos())) {
			seen[fn] = true
			all = append(all, fn)
		}
	}
	for _, fn := range fns {
		add(fn)
	}
	if init := pkg.Func("init"); init != nil {
		add(init)
	}
	// Closures the functions make (method values' bound wrappers among
	// them) are scanned too: srv.ListenAndServe passed to errgroup.Go.
	for i := 0; i < len(all); i++ {
		for _, b := range all[i].Blocks {
			for _, ins := range b.Instrs {
				if mc, ok := ins.(*ssa.MakeClosure); ok {
					add(mc.Fn.(*ssa.Function))
				}
				if r, ok := ins.(*ssa.Return); ok {
					returns[all[i]] = append(returns[all[i]], r)
				}
			}
		}
	}
	s.fns = all
	for _, fn := range all {
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				events = s.visit(pass, fn, ins, seen, returns, events)
			}
		}
	}
	for _, e := range events {
		e()
	}
	return s
}

// visit records the unions ins makes at once and returns, appended to
// events, what it records on classes (done when all unions are known).
func (s *serverSet) visit(pass *analysis.Pass, fn *ssa.Function, ins ssa.Instruction, local map[*ssa.Function]bool, returns map[*ssa.Function][]*ssa.Return, events []func()) []func() {
	unknown := func(v ssa.Value) { events = append(events, func() { s.class(v).unknown = true }) }
	for _, op := range ins.Operands(nil) {
		if g, ok := (*op).(*ssa.Global); ok && tracked(g) {
			s.find(g)
			if g.Object() == nil || g.Object().Exported() || g.Pkg != fn.Pkg {
				unknown(g) // importers may configure an exported server
			}
		}
	}
	switch ins := ins.(type) {
	case *ssa.Alloc:
		if isServer(ins.Type()) && ins.Pos().IsValid() {
			events = append(events, func() { c := s.class(ins); c.origins = append(c.origins, ins) })
		}
		if tracked(ins) {
			s.find(ins)
		}
	case *ssa.FieldAddr:
		if tracked(ins) {
			fv := flow.FieldVar(ins)
			if fv == nil {
				unknown(ins)
				break
			}
			s.union(ins, fv)
			if fv.Exported() || fv.Pkg() != fn.Pkg.Pkg {
				unknown(ins) // a field importers (or another package) may set
			}
		}
		if isServer(ins.X.Type()) {
			events = s.serverField(ins, events)
		}
	case *ssa.UnOp:
		if ins.Op == token.MUL && isServerCell(ins.X.Type()) {
			s.union(ins, ins.X) // a load of the variable or field
		}
	case *ssa.Store:
		switch {
		case isServerCell(ins.Addr.Type()):
			if !flow.IsNilConst(ins.Val) {
				s.union(ins.Addr, ins.Val)
			}
		case isServer(ins.Addr.Type()):
			// *dst = *src: the whole server copied; anything else
			// (a value from a call) comes from out of sight.
			if ld, ok := ins.Val.(*ssa.UnOp); ok && ld.Op == token.MUL && isServer(ld.X.Type()) {
				s.union(ins.Addr, ld.X)
			} else if _, ok := ins.Val.(*ssa.Const); !ok {
				unknown(ins.Addr)
			}
		case tracked(ins.Val):
			unknown(ins.Val) // into a slice, a map's element, an untyped cell
		}
	case *ssa.Phi:
		if tracked(ins) {
			s.find(ins)
			for _, e := range ins.Edges {
				if !flow.IsNilConst(e) {
					s.union(ins, e)
				}
			}
		}
	case *ssa.ChangeType:
		if tracked(ins) {
			s.union(ins, ins.X)
		}
	case *ssa.MakeClosure:
		f := ins.Fn.(*ssa.Function)
		for i, b := range ins.Bindings {
			if tracked(b) && i < len(f.FreeVars) {
				s.union(b, f.FreeVars[i])
			}
		}
	case *ssa.MakeInterface:
		if tracked(ins.X) {
			unknown(ins.X)
		}
	case *ssa.Send:
		if tracked(ins.X) {
			unknown(ins.X)
		}
	case *ssa.MapUpdate:
		if tracked(ins.Value) {
			unknown(ins.Value)
		}
	case *ssa.Return:
		for _, r := range ins.Results {
			if tracked(r) && (fn.Object() == nil || fn.Object().Exported() || fn.Signature.Recv() != nil) {
				unknown(r) // an importer may configure what it is given
			}
		}
	}
	if call, ok := ins.(ssa.CallInstruction); ok {
		events = s.visitCall(fn, call, local, returns, events)
	}
	return events
}

// serverField records an access to a field of a server: a timeout set,
// an address or handler stored.
func (s *serverSet) serverField(fa *ssa.FieldAddr, events []func()) []func() {
	name := typematch.FieldName(fa.X.Type(), fa.Field)
	s.find(fa.X)
	for _, r := range *fa.Referrers() {
		st, isStore := r.(*ssa.Store)
		if ld, ok := r.(*ssa.UnOp); ok && ld.Op == token.MUL {
			continue // a read
		}
		switch name {
		case "ReadHeaderTimeout", "ReadTimeout":
			// A store, or the field's address handed on
			// (flag.DurationVar(&srv.ReadTimeout, ...)).
			events = append(events, func() { s.class(fa.X).timeout = true })
		case "Addr":
			if isStore {
				events = append(events, func() { c := s.class(fa.X); c.addrs = append(c.addrs, st.Val) })
			} else {
				events = append(events, func() { c := s.class(fa.X); c.addrs = append(c.addrs, nil) })
			}
		case "Handler":
			if isStore {
				events = append(events, func() { c := s.class(fa.X); c.handlers = append(c.handlers, st.Val) })
			} else {
				events = append(events, func() { c := s.class(fa.X); c.handlers = append(c.handlers, nil) })
			}
		}
	}
	return events
}

// visitCall follows servers into and out of calls: a helper of the
// package shares its parameter's class with the argument and its result's
// with what it returns; a serving method or net/http function is recorded;
// any other callee (another package, an interface, a function value) may
// configure the server and makes its class unknown.
func (s *serverSet) visitCall(fn *ssa.Function, call ssa.CallInstruction, local map[*ssa.Function]bool, returns map[*ssa.Function][]*ssa.Return, events []func()) []func() {
	c := call.Common()
	callee := c.StaticCallee()
	if callee != nil && callee.Pkg != nil && callee.Pkg.Pkg.Path() == "net/http" {
		if recv := callee.Signature.Recv(); recv != nil && isServer(recv.Type()) {
			if serveMethods[callee.Name()] && len(c.Args) > 0 {
				sc := serveCall{call: call, name: callee.Name()}
				if len(c.Args) > 1 {
					sc.listener = c.Args[1]
				}
				recvV := c.Args[0]
				s.find(recvV)
				events = append(events, func() { cl := s.class(recvV); cl.serves = append(cl.serves, sc) })
			}
			return events // Shutdown, Close, RegisterOnShutdown: no configuration
		}
		if recv := callee.Signature.Recv(); recv == nil {
			s.packageServe(callee, call)
		}
	}
	if callee != nil && local[callee] {
		for i, a := range c.Args {
			if tracked(a) && i < len(callee.Params) {
				s.union(a, callee.Params[i])
			}
		}
		if v := call.Value(); v != nil {
			for _, r := range returns[callee] {
				for k, res := range r.Results {
					if !tracked(res) || flow.IsNilConst(res) {
						continue
					}
					for _, out := range resultValues(v, k) {
						s.union(out, res)
					}
				}
			}
		}
		return events
	}
	for _, a := range c.Args {
		if tracked(a) {
			a := a
			events = append(events, func() { s.class(a).unknown = true })
		}
	}
	if c.IsInvoke() && tracked(c.Value) {
		v := c.Value
		events = append(events, func() { s.class(v).unknown = true })
	}
	if v := call.Value(); v != nil {
		for k := 0; k < resultCount(v); k++ {
			for _, out := range resultValues(v, k) {
				if tracked(out) {
					out := out
					events = append(events, func() { s.class(out).unknown = true }) // built out of sight
				}
			}
		}
	}
	return events
}

// packageServe records http.ListenAndServe, ListenAndServeTLS, Serve and
// ServeTLS: they serve a zero http.Server.
func (s *serverSet) packageServe(callee *ssa.Function, call ssa.CallInstruction) {
	args := call.Common().Args
	sc := serveCall{call: call, name: callee.Name()}
	switch callee.Name() {
	case "ListenAndServe":
		sc.addr, sc.handler = args[0], args[1]
	case "ListenAndServeTLS":
		sc.addr, sc.handler = args[0], args[3]
	case "Serve", "ServeTLS":
		sc.listener, sc.handler = args[0], args[1]
	default:
		return
	}
	s.pkgFns = append(s.pkgFns, sc)
}

// resultCount is the number of results v (a call's value) carries.
func resultCount(v *ssa.Call) int {
	if t, ok := v.Type().(*types.Tuple); ok {
		return t.Len()
	}
	return 1
}

// servedClasses returns the classes with an origin in the package and a
// serving call, in the order of their first origin.
func (s *serverSet) servedClasses() []*serverClass {
	var out []*serverClass
	for _, c := range s.classes {
		if len(c.origins) > 0 && len(c.serves) > 0 {
			sort.Slice(c.origins, func(i, j int) bool { return c.origins[i].Pos() < c.origins[j].Pos() })
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].origins[0].Pos() < out[j].origins[0].Pos() })
	return out
}

// localOnly reports whether the serving call accepts connections only from
// this machine: a loopback address or a unix socket.
func (s *serverSet) localOnly(c *serverClass, sc serveCall) bool {
	if sc.listener != nil {
		return listenerLocal(sc.listener)
	}
	if sc.addr != nil {
		return s.loopbackAddr(sc.addr)
	}
	if c == nil || len(c.addrs) == 0 {
		return false // "" is ":http", every interface
	}
	for _, a := range c.addrs {
		if a == nil || !s.loopbackAddr(a) {
			return false
		}
	}
	return true
}

// loopbackAddr reports whether the address v names this machine: a
// constant ("localhost:6060"), a loopback host joined to a port
// ("127.0.0.1:"+port, net.JoinHostPort("localhost", port)), or a flag
// whose default is one (the program is meant to listen locally; an
// operator who widens it chose to).
func (s *serverSet) loopbackAddr(v ssa.Value) bool {
	v = valueOrigin(v)
	switch x := v.(type) {
	case *ssa.Const:
		return isLoopback(constString(x))
	case *ssa.BinOp:
		prefix := constString(x.X)
		return x.Op == token.ADD && strings.HasSuffix(prefix, ":") && isLoopback(prefix+"0")
	case *ssa.Call:
		f := x.Common().StaticCallee()
		if f != nil && f.Pkg != nil && f.Pkg.Pkg.Path() == "net" && f.Name() == "JoinHostPort" {
			return isLoopback(net.JoinHostPort(constString(x.Common().Args[0]), "0"))
		}
	case *ssa.UnOp:
		if x.Op == token.MUL {
			if def, ok := s.flagDefault(x.X); ok {
				return isLoopback(def)
			}
		}
	}
	return false
}

// flagDefault returns the default of the string flag whose variable p
// points to: p is the result of flag.String (or (*flag.FlagSet).String),
// or a package variable the initializer sets from one or registers with
// flag.StringVar.
func (s *serverSet) flagDefault(p ssa.Value) (string, bool) {
	if call, ok := p.(*ssa.Call); ok {
		return flagCallDefault(call, false)
	}
	viaPointer := false // var addr = flag.String(...), read as *addr
	if ld, ok := p.(*ssa.UnOp); ok && ld.Op == token.MUL {
		p, viaPointer = ld.X, true
	}
	g, ok := p.(*ssa.Global)
	if !ok {
		return "", false
	}
	// Every assignment of the variable, in any function, must be the
	// flag's registration.
	var def string
	for _, fn := range s.fns {
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				switch ins := ins.(type) {
				case *ssa.Store:
					if ins.Addr != g {
						continue
					}
					call, ok := ins.Val.(*ssa.Call)
					if !viaPointer || !ok {
						return "", false
					}
					d, ok := flagCallDefault(call, false)
					if !ok || def != "" && d != def {
						return "", false
					}
					def = d
				case *ssa.Call:
					if args := ins.Common().Args; !viaPointer && len(args) > 0 && (args[0] == g || len(args) > 1 && args[1] == g) {
						d, ok := flagCallDefault(ins, true)
						if !ok || def != "" && d != def {
							return "", false
						}
						def = d
					}
				}
			}
		}
	}
	return def, def != ""
}

// flagCallDefault returns the constant default of a call of flag.String
// (or, with isVar, flag.StringVar), as a function or a FlagSet method.
func flagCallDefault(call *ssa.Call, isVar bool) (string, bool) {
	f := call.Common().StaticCallee()
	if f == nil || f.Pkg == nil || f.Pkg.Pkg.Path() != "flag" {
		return "", false
	}
	name := "String"
	if isVar {
		name = "StringVar"
	}
	if f.Name() != name {
		return "", false
	}
	args := call.Common().Args
	if f.Signature.Recv() != nil {
		args = args[1:]
	}
	i := 1 // String(name, value, usage)
	if isVar {
		i = 2 // StringVar(p, name, value, usage)
	}
	if i >= len(args) {
		return "", false
	}
	def := constString(args[i])
	return def, def != ""
}

// listenerInfo finds the network and address a listener was opened with,
// when they are constants: net.Listen, (*net.ListenConfig).Listen,
// tls.Listen, through tls.NewListener.
func listenerInfo(v ssa.Value) (network, addr string, ok bool) {
	for depth := 0; depth < 8; depth++ {
		v = valueOrigin(v)
		call, isCall := callResult(v)
		if !isCall {
			return "", "", false
		}
		f := call.Common().StaticCallee()
		if f == nil || f.Pkg == nil {
			return "", "", false
		}
		args := call.Common().Args
		switch path := f.Pkg.Pkg.Path(); {
		case path == "net" && f.Name() == "Listen" && f.Signature.Recv() == nil,
			path == "crypto/tls" && f.Name() == "Listen":
			return constString(args[0]), constString(args[1]), true
		case path == "net" && f.Name() == "Listen" && len(args) == 4: // (*ListenConfig).Listen(ctx, network, addr)
			return constString(args[2]), constString(args[3]), true
		case path == "crypto/tls" && f.Name() == "NewListener":
			v = args[0]
			continue
		}
		return "", "", false
	}
	return "", "", false
}

// listenerLocal reports whether the listener is a unix socket or bound to
// a loopback address.
func listenerLocal(l ssa.Value) bool {
	network, addr, ok := listenerInfo(l)
	if !ok {
		return false
	}
	switch network {
	case "unix", "unixpacket":
		return true
	}
	return isLoopback(addr)
}

// valueOrigin looks through interface conversions and single-assignment
// variables (captured by a closure, or address-taken) to the value.
func valueOrigin(v ssa.Value) ssa.Value {
	for depth := 0; depth < 8; depth++ {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		default:
			st, ok := flow.Stored(v)
			if !ok {
				return v
			}
			v = st
		}
	}
	return v
}

// constString is the value of a string constant, or "" (unknown: "" is
// never a loopback address).
func constString(v ssa.Value) string {
	c, ok := valueOrigin(v).(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return ""
	}
	return constant.StringVal(c.Value)
}

// isLoopback reports whether addr, a host:port, names this machine only.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// validHostPort reports whether addr splits into a host and a port.
func validHostPort(addr string) bool {
	_, _, err := net.SplitHostPort(addr)
	return err == nil
}
