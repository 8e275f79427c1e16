package httpbody

import (
	_ "embed"
	"fmt"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/handlers"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/lifetime"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
	"github.com/reviewlint/reviewlint/analyzers/internal/meta/docutil"
	"github.com/reviewlint/reviewlint/analyzers/internal/report/leaks"
)

//go:embed doc.go
var doc string

// The rule IDs this analyzer reports.
const (
	RuleUnclosed         = "httpbody/unclosed"
	RuleStatusUnchecked  = "httpbody/status-unchecked"
	RuleNoTimeout        = "httpbody/no-timeout"
	RuleUnboundedRead    = "httpbody/unbounded-read"
	RuleWriteAfterError  = "httpbody/write-after-error"
	RuleUndrained        = "httpbody/undrained"
	RuleDeferBeforeCheck = "httpbody/defer-before-check"
	RuleServerNoTimeout  = "httpbody/server-no-timeout"
	RulePprofExposed     = "httpbody/pprof-exposed"
)

// Config holds the analyzer's settings: the settings.httpbody block of
// .reviewlint.yml, which the CLI, go vet -vettool and the golangci-lint
// plugin all read (the analyzer declares no flags of its own).
type Config struct {
	// Enabled says which of the rules run; nil runs every rule. The suite
	// sets it from the configuration's enable and disable lists, so that
	// a disabled rule costs no work and the lifetime and handler engines
	// run only for the rules that read them. It is not a key of the
	// settings block.
	Enabled func(rule string) bool `yaml:"-" json:"-"`
}

// DefaultConfig returns the settings used when nothing is configured.
func DefaultConfig() Config { return Config{} }

// Analyzer is the analyzer with the default settings.
var Analyzer = New(DefaultConfig())

// New returns the analyzer configured by cfg.
func New(cfg Config) *analysis.Analyzer { return NewWithEngine(cfg, lifetime.Analyzer) }

// NewWithEngine returns the analyzer configured by cfg, on a lifetime
// engine that knows the kinds resourceclose was configured with (one
// engine per run: see lifetime.For).
func NewWithEngine(cfg Config, engine *analysis.Analyzer) *analysis.Analyzer {
	s := &settings{cfg: cfg, engine: engine}
	// pprof-exposed's package fact is exported whatever is on, so that
	// facts do not depend on the configuration.
	requires := []*analysis.Analyzer{inspect.Analyzer, buildssa.Analyzer}
	if s.anyOn(responseRules...) {
		requires = append(requires, engine)
	}
	if s.anyOn(handlerRules...) {
		requires = append(requires, handlers.Analyzer)
	}
	return &analysis.Analyzer{
		Name:      "httpbody",
		Doc:       docutil.MustExtract(doc, "httpbody"),
		URL:       "https://github.com/reviewlint/reviewlint/blob/main/docs/httpbody.md",
		Requires:  requires,
		Run:       s.run,
		FactTypes: []analysis.Fact{new(linksPprof)},
	}
}

type settings struct {
	cfg    Config
	engine *analysis.Analyzer
}

// responseRules read the lifetime engine's responses; handlerRules, the
// handler engine's summaries.
var (
	responseRules = []string{RuleUnclosed, RuleUndrained, RuleDeferBeforeCheck, RuleStatusUnchecked}
	handlerRules  = []string{RuleStatusUnchecked, RuleUnboundedRead, RuleWriteAfterError}
)

// on reports whether rule runs.
func (s *settings) on(rule string) bool { return s.cfg.Enabled == nil || s.cfg.Enabled(rule) }

// anyOn reports whether one of rules runs.
func (s *settings) anyOn(rules ...string) bool { return slices.ContainsFunc(rules, s.on) }

func (s *settings) run(pass *analysis.Pass) (any, error) {
	exportLinksPprof(pass)
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	h, _ := pass.ResultOf[handlers.Analyzer].(*handlers.Result)
	if s.anyOn(responseRules...) {
		s.checkResponses(pass, in, h)
	}
	fns := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs
	if importsHTTP(pass.Pkg) {
		ssaPkg := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).Pkg
		noTimeout, unbounded, writeAfter := s.on(RuleNoTimeout), s.on(RuleUnboundedRead), s.on(RuleWriteAfterError)
		if noTimeout {
			reportGlobalClients(pass, ssaPkg, fns)
		}
		if s.anyOn(RuleServerNoTimeout, RulePprofExposed) {
			servers := collectServers(pass, ssaPkg, fns)
			if s.on(RuleServerNoTimeout) {
				reportServerTimeouts(pass, servers)
			}
			if s.on(RulePprofExposed) {
				reportPprofExposed(pass, servers)
			}
		}
		for _, fn := range fns {
			if noTimeout {
				reportNoTimeout(pass, fn, fns)
			}
			if unbounded {
				reportUnboundedReads(pass, h, fn)
			}
			if writeAfter {
				reportWritesAfterError(pass, h, fn)
			}
		}
	}
	return nil, nil
}

// checkResponses runs the rules that are on over the lifetime engine's
// responses; h is nil when status-unchecked is off.
func (s *settings) checkResponses(pass *analysis.Pass, in *inspector.Inspector, h *handlers.Result) {
	res := pass.ResultOf[s.engine].(*lifetime.Result)
	var sites *leaks.Sites
	for _, ob := range res.Obligations {
		if ob.Kind != lifetime.KindResponse {
			continue
		}
		if sites == nil {
			sites = leaks.IndexSites(pass.Fset, in)
		}
		l := leaks.Describe(pass, ob, sites.At(ob.Call.Pos()))
		if len(ob.Leaks) > 0 && s.on(RuleUnclosed) {
			reportUnclosed(pass, l)
		}
		if s.on(RuleUndrained) {
			reportUndrained(pass, l)
		}
		if s.on(RuleDeferBeforeCheck) {
			reportDeferBeforeCheck(pass, in, l)
		}
		if s.on(RuleStatusUnchecked) && (fromNetHTTP(ob) || passesResponseThrough(pass, ob.Callee)) {
			// A project's own wrapper (moby's cli.get) usually checks the
			// status before it hands the response out; one that returns
			// net/http's response untouched leaves that to its caller.
			reportStatusUnchecked(pass, h, l)
		}
	}
}

// reportUnclosed reports a response whose body is not closed on some path.
func reportUnclosed(pass *analysis.Pass, l leaks.Leak) {
	ob := l.Ob
	callee := l.Site.Callee(ob)
	line := leaks.Line(pass, ob.Call.Pos())
	var msg string
	switch {
	case l.Discarded():
		msg = fmt.Sprintf("the response from %s (line %d) is discarded, so its body is never closed and the connection leaks; keep it and defer resp.Body.Close()", callee, line)
	case l.Loops():
		msg = fmt.Sprintf("body of %s from %s (line %d) is not closed before the next iteration sends another request; close it inside the loop", l.Name, callee, line)
	default:
		msg = fmt.Sprintf("body of %s from %s (line %d) is not closed on the path returning at line %d; %s", l.Name, callee, line, l.ExitLine, l.Advice("add defer "+l.Release()+" after the error check"))
	}
	pass.Report(l.Diagnostic(RuleUnclosed, msg, l.DeferFix(false)))
}

// fromNetHTTP reports whether the response comes straight from net/http.
func fromNetHTTP(ob *lifetime.Obligation) bool {
	return ob.Callee != nil && ob.Callee.Pkg() != nil && ob.Callee.Pkg().Path() == "net/http"
}

// passesResponseThrough reports whether callee, a function of this
// package, returns the *http.Response of a net/http call untouched on
// every path that returns one: the wrapper neither reads it nor hands it
// to a helper (which might check the status), so the status is its
// caller's to check.
func passesResponseThrough(pass *analysis.Pass, callee *types.Func) bool {
	if callee == nil || callee.Pkg() != pass.Pkg {
		return false
	}
	fn := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).Pkg.Prog.FuncValue(callee)
	if fn == nil {
		return false
	}
	passed := false
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		for _, r := range ret.Results {
			if !typematch.PointerTo(r.Type(), "net/http", "Response") {
				continue
			}
			if c, ok := r.(*ssa.Const); ok && c.IsNil() {
				continue // the error path's nil response
			}
			if !untouchedNetHTTPResponse(r) {
				return false
			}
			passed = true
		}
	}
	return passed
}

// untouchedNetHTTPResponse reports whether v is the response result of a
// net/http call whose only uses are returns.
func untouchedNetHTTPResponse(v ssa.Value) bool {
	ex, ok := v.(*ssa.Extract)
	if !ok {
		return false
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	f := call.Call.StaticCallee()
	if f == nil || f.Pkg == nil || f.Pkg.Pkg.Path() != "net/http" {
		return false
	}
	for _, r := range *v.Referrers() {
		if _, ok := r.(*ssa.Return); !ok {
			return false
		}
	}
	return true
}

// importsHTTP reports whether pkg imports net/http: the cheap early exit.
func importsHTTP(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == "net/http" {
			return true
		}
	}
	return false
}
