package httpbody

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// reportServerTimeouts reports the servers the package serves without
// ReadHeaderTimeout or ReadTimeout, and the net/http functions that serve
// a zero http.Server, unless they accept connections only from this
// machine (a loopback address or a unix socket, known as constants).
func reportServerTimeouts(pass *analysis.Pass, set *serverSet) {
	for _, c := range set.servedClasses() {
		if c.timeout || c.unknown || testSupport(pass, c.origins[0].Pos()) {
			continue
		}
		sc, ok := set.remoteServe(c)
		if !ok {
			continue
		}
		origin := c.origins[0]
		pass.Report(analysis.Diagnostic{
			Pos:      origin.Pos(),
			End:      origin.Pos(),
			Category: RuleServerNoTimeout,
			Message: fmt.Sprintf("http.Server built here is served by %s (line %d) with neither ReadHeaderTimeout nor ReadTimeout: a client that sends its request headers slowly holds a connection and a goroutine for as long as it likes (slowloris); set ReadHeaderTimeout",
				sc.name, line(pass, sc.call.Pos())),
		})
	}
	for _, sc := range set.pkgFns {
		if set.localOnly(nil, sc) || testSupport(pass, sc.call.Pos()) {
			continue
		}
		pass.Report(analysis.Diagnostic{
			Pos:      sc.call.Pos(),
			End:      sc.call.Pos(),
			Category: RuleServerNoTimeout,
			Message: fmt.Sprintf("http.%s serves with a zero http.Server, which has neither ReadHeaderTimeout nor ReadTimeout: a client that sends its request headers slowly holds a connection and a goroutine for as long as it likes (slowloris); build an http.Server with ReadHeaderTimeout set and call its %s",
				sc.name, sc.name),
		})
	}
}

// remoteServe returns a call serving the class that may accept remote
// connections.
func (s *serverSet) remoteServe(c *serverClass) (serveCall, bool) {
	for _, sc := range c.serves {
		if !s.localOnly(c, sc) {
			return sc, true
		}
	}
	return serveCall{}, false
}

// reportPprofExposed reports, in a package that links net/http/pprof,
// the calls that serve http.DefaultServeMux (a nil handler) on an address
// that is a constant and not a loopback one: pprof's init registered its
// handlers on that mux. An address from a flag or a config is unknown and
// not reported.
func reportPprofExposed(pass *analysis.Pass, set *serverSet) {
	importer := pprofImporter(pass)
	if importer == "" {
		return
	}
	report := func(sc serveCall, addr string) {
		pass.Report(analysis.Diagnostic{
			Pos:      sc.call.Pos(),
			End:      sc.call.Pos(),
			Category: RulePprofExposed,
			Message: fmt.Sprintf("net/http/pprof (imported by %s) registers /debug/pprof/ on http.DefaultServeMux, and %s serves that mux on %q, every network interface: heap, goroutine stacks and CPU profiles are open to anyone who reaches the port; give this server its own mux and serve pprof on localhost only",
				importer, sc.name, addr),
		})
	}
	for _, sc := range set.pkgFns {
		if !isDefaultMux(sc.handler) || testSupport(pass, sc.call.Pos()) {
			continue
		}
		if addr, ok := exposedAddr(nil, sc); ok {
			report(sc, addr)
		}
	}
	for _, c := range set.servedClasses() {
		if c.unknown || !c.servesDefaultMux() || testSupport(pass, c.origins[0].Pos()) {
			continue
		}
		for _, sc := range c.serves {
			if addr, ok := exposedAddr(c, sc); ok {
				report(sc, addr)
			}
		}
	}
}

// servesDefaultMux reports whether the server's Handler is never set, or
// set to http.DefaultServeMux only.
func (c *serverClass) servesDefaultMux() bool {
	for _, h := range c.handlers {
		if h == nil || !isDefaultMux(h) {
			return false
		}
	}
	return true
}

// exposedAddr returns the constant, non-loopback address a serving call
// listens on; false when it is unknown or local.
func exposedAddr(c *serverClass, sc serveCall) (string, bool) {
	switch {
	case sc.listener != nil:
		network, addr, ok := listenerInfo(sc.listener)
		if !ok || (network != "tcp" && network != "tcp4" && network != "tcp6") {
			return "", false
		}
		return addr, remoteAddr(addr)
	case sc.addr != nil:
		addr := constString(sc.addr)
		return addr, remoteAddr(addr)
	case c != nil && len(c.addrs) == 0:
		return ":http", true // the zero Addr
	case c != nil:
		for _, a := range c.addrs {
			if a == nil {
				return "", false
			}
			if addr := constString(a); remoteAddr(addr) {
				return addr, true
			}
		}
	}
	return "", false
}

// remoteAddr reports whether addr is a constant host:port that listens
// beyond this machine (":6060", "0.0.0.0:6060", a public host).
func remoteAddr(addr string) bool {
	return addr != "" && !isLoopback(addr) && validHostPort(addr)
}

// isDefaultMux reports whether handler h is nil or http.DefaultServeMux.
func isDefaultMux(h ssa.Value) bool {
	v := valueOrigin(h)
	if flow.IsNilConst(v) {
		return true
	}
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	g, ok := ld.X.(*ssa.Global)
	return ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "net/http" && g.Name() == "DefaultServeMux"
}

// LinkFacts are the packages linksPprof is about: a host that leaves
// dependencies out of the analysis keeps their importers in.
var LinkFacts = []string{"net/http/pprof"}

// linksPprof is the package fact that a package, or one it imports
// directly or not, imports net/http/pprof (whose init registers its
// handlers on http.DefaultServeMux); Via is that importer's path.
type linksPprof struct{ Via string }

func (*linksPprof) AFact()           {}
func (f *linksPprof) String() string { return "linksPprof(" + f.Via + ")" }

// exportLinksPprof records linksPprof for the package when it or one of
// its direct imports links net/http/pprof. A fact, not a walk over
// Imports(): a package loaded from export data lists only the imports its
// exported types mention, so the walk lost pprof behind a dependency.
func exportLinksPprof(pass *analysis.Pass) {
	if via := pprofImporter(pass); via != "" {
		pass.ExportPackageFact(&linksPprof{Via: via})
	}
}

// pprofImporter returns the path of the package of pass, or one it
// imports directly or not, that imports net/http/pprof; "" when none does.
func pprofImporter(pass *analysis.Pass) string {
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == "net/http/pprof" {
			return pass.Pkg.Path()
		}
	}
	for _, imp := range pass.Pkg.Imports() {
		var f linksPprof
		if pass.ImportPackageFact(imp, &f) {
			return f.Via
		}
	}
	return ""
}

// testSupport reports whether pos lies in a file that imports testing: a
// test helper outside a _test.go file (grpc's internal/stubserver), whose
// servers are a test's, not production ones.
func testSupport(pass *analysis.Pass, pos token.Pos) bool {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			for _, imp := range f.Imports {
				if imp.Path.Value == `"testing"` {
					return true
				}
			}
			return false
		}
	}
	return false
}
