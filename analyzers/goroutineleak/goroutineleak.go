package goroutineleak

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/chanflow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"

	"github.com/reviewlint/reviewlint/analyzers/internal/meta/docutil"
)

//go:embed doc.go
var doc string

// The rule IDs this analyzer reports.
const (
	RuleAbandonedSend        = "goroutineleak/abandoned-send"
	RuleBlockedReceive       = "goroutineleak/blocked-receive"
	RuleBlockedSend          = "goroutineleak/blocked-send"
	RuleCondLoopInvariant    = "goroutineleak/cond-loop-invariant"
	RuleCondWaitUnlocked     = "goroutineleak/cond-wait-unlocked"
	RuleWaitGroupDoneMissing = "goroutineleak/waitgroup-done-missing"
	RuleTimeAfterLoop        = "goroutineleak/time-after-loop"
	RuleTimerDrain           = "goroutineleak/timer-drain"
	RuleNilChannel           = "goroutineleak/nil-channel"
	RuleNoExit               = "goroutineleak/no-exit"
	RuleNoPartner            = "goroutineleak/no-partner"
	RuleStopNotCalled        = "goroutineleak/stop-not-called"
	RuleWaitHoldingLock      = "goroutineleak/wait-holding-lock"
	RuleWaitGroupWaitInLoop  = "goroutineleak/waitgroup-wait-in-loop"
)

// Config holds the analyzer's settings: the settings.goroutineleak block of
// .reviewlint.yml, which the CLI, go vet -vettool and the golangci-lint
// plugin all read (the analyzer declares no flags of its own).
type Config struct {
	// Enabled says which of the rules run; nil runs every rule. The suite
	// sets it from the configuration's enable and disable lists, so that
	// a disabled rule costs no work and the lock engine runs only for the
	// rules that read it. It is not a key of the settings block.
	Enabled func(rule string) bool `yaml:"-" json:"-"`
}

// DefaultConfig returns the settings used when nothing is configured.
func DefaultConfig() Config { return Config{} }

// Analyzer is the analyzer with the default settings.
var Analyzer = New(DefaultConfig())

// New returns the analyzer configured by cfg.
func New(cfg Config) *analysis.Analyzer {
	s := &settings{cfg: cfg}
	requires := []*analysis.Analyzer{buildssa.Analyzer, chanflow.Analyzer}
	if s.on(RuleWaitHoldingLock) || s.on(RuleCondWaitUnlocked) {
		requires = append(requires, locks.Analyzer)
	}
	return &analysis.Analyzer{
		Name:     "goroutineleak",
		Doc:      docutil.MustExtract(doc, "goroutineleak"),
		URL:      "https://github.com/reviewlint/reviewlint/blob/main/docs/goroutineleak.md",
		Requires: requires,
		Run:      s.run,
	}
}

type settings struct{ cfg Config }

// ruleCheck is a check and the rule it reports.
type ruleCheck struct {
	rule  string
	check func(*ssa.Function)
}

// on reports whether rule runs.
func (s *settings) on(rule string) bool { return s.cfg.Enabled == nil || s.cfg.Enabled(rule) }

// passState is the per-pass state shared by the rules.
type passState struct {
	pass  *analysis.Pass
	sum   *chanflow.Result
	locks *locks.Result
	// calls and acquires are wait-holding-lock's indexes, built lazily.
	calls    map[*ssa.Function][]locks.Call
	acquires map[acquireKey]bool
	// blockingIn indexes the blocking operations by function.
	blockingIn map[*ssa.Function][]chanflow.Op
	// srcFuncs are the package's functions, closures included.
	srcFuncs []*ssa.Function
}

func (s *settings) run(pass *analysis.Pass) (any, error) {
	funcs := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs
	p := &passState{pass: pass, sum: pass.ResultOf[chanflow.Analyzer].(*chanflow.Result), srcFuncs: funcs}
	if res, ok := pass.ResultOf[locks.Analyzer].(*locks.Result); ok {
		p.locks = res
	}
	stops := &stopCtx{p: p, stopper: map[stopKey]bool{}, busy: map[stopKey]bool{}}
	// Each check reports one rule and shares nothing with the others but
	// lazily built indexes, so a disabled rule's check is skipped whole.
	// The order is the order findings are reported in.
	var perFunc []func(*ssa.Function)
	for _, c := range []ruleCheck{
		{RuleWaitGroupDoneMissing, p.checkWaitGroupDone},
		{RuleTimeAfterLoop, p.checkTimeAfterLoop},
		{RuleTimerDrain, p.checkTimerDrain},
		{RuleNilChannel, p.checkNilChannel},
		{RuleNoExit, p.checkNoExit},
		{RuleBlockedSend, p.checkDoubleSend},
		{RuleStopNotCalled, stops.checkStopNotCalled},
		{RuleWaitGroupWaitInLoop, p.checkWaitInLoop},
		{RuleCondLoopInvariant, p.checkCondLoopInvariant},
	} {
		if s.on(c.rule) {
			perFunc = append(perFunc, c.check)
		}
	}
	sends, recvs := s.on(RuleBlockedSend), s.on(RuleBlockedReceive)
	for _, fn := range funcs {
		if len(fn.Blocks) == 0 || len(fn.Blocks) > maxBlocks {
			continue
		}
		if sends || recvs {
			if chans := findChannels(fn, p.sum); len(chans) > 0 {
				if sends {
					p.checkBlockedSend(fn, chans)
				}
				if recvs {
					p.checkBlockedReceive(fn, chans)
				}
			}
		}
		for _, check := range perFunc {
			check(fn)
		}
	}
	if s.on(RuleWaitHoldingLock) {
		p.checkWaitHoldingLock()
	}
	if s.on(RuleNoPartner) {
		p.checkNoPartner()
	}
	if s.on(RuleAbandonedSend) {
		p.checkAbandonedSend()
	}
	if s.on(RuleCondWaitUnlocked) {
		p.checkCondWaitUnlocked()
	}
	return nil, nil
}

// localGoBodies calls visit for each go statement of fn whose function is
// one of this package's, small enough to analyse.
func (p *passState) localGoBodies(fn *ssa.Function, visit func(g *ssa.Go, body *ssa.Function)) {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			g, ok := ins.(*ssa.Go)
			if !ok {
				continue
			}
			body := g.Call.StaticCallee()
			if body == nil || body.Blocks == nil || body.Pkg == nil || body.Pkg.Pkg != p.pass.Pkg || len(body.Blocks) > maxBlocks {
				continue
			}
			visit(g, body)
		}
	}
}

// line returns pos's line number.
func (p *passState) line(pos token.Pos) int { return p.pass.Fset.Position(pos).Line }

// fileOf returns the file of the package containing pos.
func (p *passState) fileOf(pos token.Pos) *ast.File {
	for _, f := range p.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// goEnd returns the end of the go statement starting at g.
func (p *passState) goEnd(g *ssa.Go) token.Pos {
	f := p.fileOf(g.Pos())
	if f != nil {
		path, _ := astutil.PathEnclosingInterval(f, g.Pos(), g.Pos())
		for _, n := range path {
			if gs, ok := n.(*ast.GoStmt); ok {
				return gs.End()
			}
		}
	}
	return g.Pos() + token.Pos(len("go"))
}

// chanName names the channel made at m: the variable it is assigned to, or
// "the channel".
func (p *passState) chanName(m *ssa.MakeChan) string {
	f := p.fileOf(m.Pos())
	if f == nil {
		return "the channel"
	}
	path, _ := astutil.PathEnclosingInterval(f, m.Pos(), m.Pos())
	for i, n := range path {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for j, r := range n.Rhs {
					if contains(r, path[:i]) {
						if id, ok := n.Lhs[j].(*ast.Ident); ok {
							return id.Name
						}
					}
				}
			}
			return "the channel"
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for j, r := range n.Values {
					if contains(r, path[:i]) {
						return n.Names[j].Name
					}
				}
			}
			return "the channel"
		}
	}
	return "the channel"
}

// callText returns the source of the call or go statement at ins (its
// function part: "w.Start", "go w.run") and where the statement starts and ends.
func (p *passState) callText(ins ssa.Instruction) (string, token.Pos, token.Pos) {
	f := p.fileOf(ins.Pos())
	if f != nil {
		path, _ := astutil.PathEnclosingInterval(f, ins.Pos(), ins.Pos())
		for _, n := range path {
			switch n := n.(type) {
			case *ast.GoStmt:
				return "go " + types.ExprString(n.Call.Fun), n.Pos(), n.End()
			case *ast.CallExpr:
				return types.ExprString(n.Fun), n.Pos(), n.End()
			}
		}
	}
	return "the call", ins.Pos(), ins.Pos() + 1
}

// exprText returns the source of the selector or call at pos (a method
// value: "n.cond.Wait") and where it starts and ends.
func (p *passState) exprText(pos token.Pos) (string, token.Pos, token.Pos) {
	if f := p.fileOf(pos); f != nil {
		path, _ := astutil.PathEnclosingInterval(f, pos, pos)
		for _, n := range path {
			if e, ok := n.(*ast.SelectorExpr); ok {
				return types.ExprString(e), e.Pos(), e.End()
			}
		}
	}
	return "the method value", pos, pos + 1
}

// contains reports whether node is one of path.
func contains(node ast.Node, path []ast.Node) bool {
	for _, n := range path {
		if n == node {
			return true
		}
	}
	return false
}
