package resourceclose

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/lifetime"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/funcpath"
	"github.com/reviewlint/reviewlint/analyzers/internal/meta/docutil"
	"github.com/reviewlint/reviewlint/analyzers/internal/report/leaks"
)

//go:embed doc.go
var doc string

// The rule IDs this analyzer reports.
const (
	RuleUnclosed     = "resourceclose/unclosed"
	RuleTxUnfinished = "resourceclose/tx-unfinished"
	RuleCancelLeak   = "resourceclose/cancel-leak"
	RuleCmdNotWaited = "resourceclose/cmd-not-waited"
	RuleDeferInLoop  = "resourceclose/defer-in-loop"
	RuleRowsErr      = "resourceclose/rows-err-unchecked"
)

// Config holds the analyzer's settings: the settings.resourceclose block of
// .reviewlint.yml, which the CLI, go vet -vettool and the golangci-lint
// plugin all read (the analyzer declares no flags of its own).
type Config struct {
	// Kinds adds resource kinds: a project's own constructors and the
	// methods that release what they return. httpbody shares them (one
	// lifetime engine per run).
	Kinds []Kind `yaml:"kinds" json:"kinds"`
	// Enabled says which of the rules run; nil runs every rule. The suite
	// sets it from the configuration's enable and disable lists, so that
	// a disabled rule costs no work. It is not a key of the settings
	// block.
	Enabled func(rule string) bool `yaml:"-" json:"-"`
}

// Kind is one resource kind of a project's own: its constructor, which
// result is the resource, and the methods that release it.
type Kind = lifetime.CustomKind

// DefaultConfig returns the settings used when nothing is configured.
func DefaultConfig() Config { return Config{} }

// Validate checks the settings: every invalid value, each error naming
// its key below settings.resourceclose.
func (c Config) Validate() error { return lifetime.ValidateKinds(c.Kinds) }

// Analyzer is the analyzer with the default settings.
var Analyzer = New(DefaultConfig())

// New returns the analyzer configured by cfg, which must be valid.
func New(cfg Config) *analysis.Analyzer {
	s := &settings{cfg: cfg, engine: lifetime.For(cfg.Kinds)}
	keys, constructors := make([]string, len(cfg.Kinds)), make([]string, len(cfg.Kinds))
	for i, k := range cfg.Kinds {
		keys[i], constructors[i] = fmt.Sprintf("kinds[%d].constructor", i), k.Constructor
	}
	s.constructors = funcpath.NewChecker("resourceclose", keys, constructors)
	return &analysis.Analyzer{
		Name:     "resourceclose",
		Doc:      docutil.MustExtract(doc, "resourceclose"),
		URL:      "https://github.com/reviewlint/reviewlint/blob/main/docs/resourceclose.md",
		Requires: []*analysis.Analyzer{s.engine, inspect.Analyzer},
		Run:      s.run,
	}
}

type settings struct {
	cfg    Config
	engine *analysis.Analyzer // the lifetime engine with cfg's kinds
	// constructors reports the kinds' constructors that do not exist.
	constructors *funcpath.Checker
}

// on reports whether rule runs.
func (s *settings) on(rule string) bool { return s.cfg.Enabled == nil || s.cfg.Enabled(rule) }

func (s *settings) run(pass *analysis.Pass) (any, error) {
	s.constructors.Check(pass)
	res := pass.ResultOf[s.engine].(*lifetime.Result)
	var sites *leaks.Sites
	site := func(ob *lifetime.Obligation) *leaks.Site {
		if sites == nil {
			sites = leaks.IndexSites(pass.Fset, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
		}
		return sites.At(ob.Call.Pos())
	}
	for _, ob := range res.Obligations {
		if ob.Kind.Family != "resourceclose" {
			continue
		}
		leaked := s.on(ruleFor(ob.Kind))
		if len(ob.Leaks) > 0 && leaked {
			report(pass, leaks.Describe(pass, ob, site(ob)))
		}
		if len(ob.Handoffs) > 0 && leaked {
			reportHandoff(pass, leaks.Describe(pass, ob, site(ob)), ob.Handoffs[0])
		}
		if s.on(RuleDeferInLoop) {
			reportDefersInLoop(pass, ob, site)
		}
		if ob.Kind.Iterated && s.on(RuleRowsErr) {
			reportRowsErr(pass, ob, site)
		}
	}
	return nil, nil
}

// reportHandoff reports a resource handed to a goroutine whose function
// releases it on some paths only: the goroutine owns it, and the fix
// belongs in that function.
func reportHandoff(pass *analysis.Pass, l leaks.Leak, h lifetime.Handoff) {
	verb := "close"
	switch l.Ob.Kind {
	case lifetime.KindTx:
		verb = "commit or roll back"
	case lifetime.KindCancel:
		verb = "call"
	case lifetime.KindCmd:
		verb = "wait for"
	}
	runs := "the goroutine running " + h.Callee.Name()
	if h.Callee.Parent() != nil {
		runs = "the goroutine" // a func literal: its line says which
	}
	msg := fmt.Sprintf("%s is handed to %s (line %d), which does not %s it on every path; %s it there with a defer",
		l.What, runs, leaks.Line(pass, h.Go.Pos()), verb, verb)
	pass.Report(analysis.Diagnostic{
		Pos: l.Ob.Call.Pos(), End: l.Site.End(l.Ob.Call.Pos()), Category: ruleFor(l.Ob.Kind), Message: msg,
		Related: []analysis.RelatedInformation{{Pos: h.Go.Pos(), End: h.Go.Pos(), Message: "handed over here"}},
	})
}

// ruleFor maps a resource kind to the rule that reports its leaks.
func ruleFor(k *lifetime.Kind) string {
	if k.Transaction {
		return RuleTxUnfinished
	}
	switch k {
	case lifetime.KindCancel:
		return RuleCancelLeak
	case lifetime.KindCmd:
		return RuleCmdNotWaited
	}
	return RuleUnclosed
}

// report emits one diagnostic per leaking obligation, at the acquisition,
// naming the first leaking exit.
func report(pass *analysis.Pass, l leaks.Leak) {
	ob := l.Ob
	var msg string
	switch {
	case l.Discarded() && ob.Kind == lifetime.KindCancel:
		msg = fmt.Sprintf("the %s returned by %s is discarded; keep it and defer a call to it", ob.Kind.Name, l.Site.Callee(ob))
	case l.Discarded():
		// Not a loop: nothing holds the resource, so no path releases it.
		msg = fmt.Sprintf("the %s returned by %s (line %d) is discarded, so it is never %s; keep it and call its %s",
			ob.Kind.Name, l.Site.Callee(ob), leaks.Line(pass, ob.Call.Pos()), releasedWord(ob.Kind), strings.Join(ob.Kind.Release, " or "))
	case l.Loops():
		msg = fmt.Sprintf("%s is not released before the next iteration acquires another; release it inside the loop", l.What)
	case ob.Kind.Transaction:
		msg = fmt.Sprintf("%s is neither committed nor rolled back on the path returning at line %d; %s", l.What, l.ExitLine, l.Advice("add defer "+l.Release()+" after the error check"))
	case ob.Kind == lifetime.KindCancel:
		msg = fmt.Sprintf("%s is not called on the path returning at line %d; %s", l.What, l.ExitLine, l.Advice("add defer "+l.Release()))
	case ob.Kind.CollectedSince != "":
		msg = fmt.Sprintf("%s is not stopped on the path returning at line %d, and before %s the runtime never reclaims it; add defer %s", l.What, l.ExitLine, ob.Kind.CollectedSince, l.Release())
	case ob.Kind == lifetime.KindTestServer:
		msg = fmt.Sprintf("%s is not closed on the path returning at line %d: its serving goroutine and listener outlive the test; add defer %s (or t.Cleanup) right after it is created", l.What, l.ExitLine, l.Release())
	case ob.Kind == lifetime.KindCmd:
		msg = fmt.Sprintf("%s is not waited for on the path returning at line %d; call %s so the process is reaped and its pipes closed", l.What, l.ExitLine, l.Release())
	default:
		msg = fmt.Sprintf("%s is not %s on the path returning at line %d; %s", l.What, releasedWord(ob.Kind), l.ExitLine, l.Advice("add defer "+l.Release()+" after the error check"))
	}
	var fix *analysis.SuggestedFix
	if ob.Kind != lifetime.KindCmd && !ob.Kind.NoFix {
		// Rollback after Commit is a no-op, so the fix is safe for a
		// transaction that is committed on other paths.
		fix = l.DeferFix(ob.Kind.Transaction)
	}
	pass.Report(l.Diagnostic(ruleFor(ob.Kind), msg, fix))
}

// releasedWord is what messages say a resource is not: "closed" when Close
// releases it, "released" for a pooled connection (Release) and the like.
func releasedWord(k *lifetime.Kind) string {
	for _, r := range k.Release {
		if r == "Close" {
			return "closed"
		}
	}
	return "released"
}
