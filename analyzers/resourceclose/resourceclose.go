package resourceclose

import (
	_ "embed"
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/reviewlint/reviewlint/analyzers/internal/docutil"
	"github.com/reviewlint/reviewlint/analyzers/internal/lifetime"
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

// Config holds the analyzer's settings; .reviewlint.yml (settings.resourceclose),
// go vet flags and the golangci-lint plugin all map to it.
type Config struct{}

// DefaultConfig returns the settings used when nothing is configured.
func DefaultConfig() Config { return Config{} }

// Analyzer is the analyzer with the default settings.
var Analyzer = New(DefaultConfig())

// New returns the analyzer configured by cfg.
func New(cfg Config) *analysis.Analyzer {
	s := &settings{cfg: cfg}
	return &analysis.Analyzer{
		Name:     "resourceclose",
		Doc:      docutil.MustExtract(doc, "resourceclose"),
		URL:      "https://github.com/reviewlint/reviewlint/blob/main/docs/resourceclose.md",
		Requires: []*analysis.Analyzer{lifetime.Analyzer, inspect.Analyzer},
		Run:      s.run,
	}
}

type settings struct{ cfg Config }

func (s *settings) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[lifetime.Analyzer].(*lifetime.Result)
	var sites *callSites
	site := func(ob *lifetime.Obligation) *callSite {
		if sites == nil {
			sites = indexCallSites(pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))
		}
		return sites.at(ob.Call.Pos())
	}
	for _, ob := range res.Obligations {
		if ob.Kind.Family != "resourceclose" {
			continue
		}
		if len(ob.Leaks) > 0 {
			report(pass, ob, site(ob))
		}
		reportDefersInLoop(pass, ob, site)
		if ob.Kind == lifetime.KindRows {
			reportRowsErr(pass, ob, site)
		}
	}
	return nil, nil
}

// ruleFor maps a resource kind to the rule that reports its leaks.
func ruleFor(k *lifetime.Kind) string {
	switch k {
	case lifetime.KindTx:
		return RuleTxUnfinished
	case lifetime.KindCancel:
		return RuleCancelLeak
	case lifetime.KindCmd:
		return RuleCmdNotWaited
	}
	return RuleUnclosed
}

// report emits one diagnostic per obligation, at the acquisition, naming
// the first leaking exit.
func report(pass *analysis.Pass, ob *lifetime.Obligation, site *callSite) {
	name := site.name(ob.Result)
	if name == "_" && ob.Kind != lifetime.KindCancel {
		name = ""
	}
	line := func(p token.Pos) int { return pass.Fset.Position(p).Line }
	leak := firstLeak(ob.Leaks)
	what := fmt.Sprintf("%s %s from %s (line %d)", ob.Kind.Name, name, site.callee(ob), line(ob.Call.Pos()))
	if name == "" {
		what = fmt.Sprintf("%s from %s (line %d)", ob.Kind.Name, site.callee(ob), line(ob.Call.Pos()))
	}
	release := releaseStmt(ob.Kind, name)
	var msg string
	switch {
	case ob.Value == nil || name == "_":
		msg = fmt.Sprintf("the %s returned by %s is discarded; keep it and %s", ob.Kind.Name, site.callee(ob), "defer a call to it")
	case leak.Exit == nil:
		msg = fmt.Sprintf("%s is not released before the next iteration acquires another; release it inside the loop", what)
	case ob.Kind == lifetime.KindTx:
		msg = fmt.Sprintf("%s is neither committed nor rolled back on the path returning at line %d; add defer %s after the error check", what, line(leak.Pos), release)
	case ob.Kind == lifetime.KindCancel:
		msg = fmt.Sprintf("%s is not called on the path returning at line %d; add defer %s", what, line(leak.Pos), release)
	case ob.Kind == lifetime.KindCmd:
		msg = fmt.Sprintf("%s is not waited for on the path returning at line %d; call %s so the process is reaped and its pipes closed", what, line(leak.Pos), release)
	default:
		msg = fmt.Sprintf("%s is not closed on the path returning at line %d; add defer %s after the error check", what, line(leak.Pos), release)
	}
	d := analysis.Diagnostic{
		Pos:      ob.Call.Pos(),
		End:      site.end(ob.Call.Pos()),
		Category: ruleFor(ob.Kind),
		Message:  msg,
	}
	if leak.Exit != nil || ob.Value != nil {
		d.Related = []analysis.RelatedInformation{{Pos: leak.Pos, End: leak.Pos, Message: "the path leaves here still owing the release"}}
	}
	if fix, ok := deferFix(ob, site, name); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	pass.Report(d)
}

// firstLeak prefers a leaking return over a loop back-edge, and the
// earliest return among several.
func firstLeak(leaks []lifetime.Leak) lifetime.Leak {
	best := leaks[0]
	for _, l := range leaks[1:] {
		if (best.Exit == nil && l.Exit != nil) || (l.Exit != nil && l.Pos < best.Pos) {
			best = l
		}
	}
	return best
}

func releaseStmt(k *lifetime.Kind, name string) string {
	if name == "" {
		name = "x"
	}
	return fmt.Sprintf(k.Fix, name)
}

// deferFix inserts "defer <release>" after the acquisition's error check
// (or after the acquisition when it returns no error). It is offered only
// where it is plainly right: the resource is never released or handed on
// in the function (a transaction may be committed: Rollback after Commit
// is a no-op), and the acquisition is not inside a loop.
func deferFix(ob *lifetime.Obligation, site *callSite, name string) (analysis.SuggestedFix, bool) {
	if name == "" || name == "_" || site == nil || site.inLoop || ob.Value == nil {
		return analysis.SuggestedFix{}, false
	}
	if ob.Kind == lifetime.KindCmd || (ob.Released && ob.Kind != lifetime.KindTx) {
		return analysis.SuggestedFix{}, false
	}
	at, ok := site.insertionPoint()
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	stmt := "defer " + releaseStmt(ob.Kind, name)
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Add %s", stmt),
		TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("\n" + stmt)}},
	}, true
}
