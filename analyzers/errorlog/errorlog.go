package errorlog

import (
	_ "embed"
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/lifetime"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/funcpath"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/settingerr"
	"github.com/reviewlint/reviewlint/analyzers/internal/meta/docutil"
)

//go:embed doc.go
var doc string

// Config holds the analyzer's settings: the settings.errorlog block of
// .reviewlint.yml, which the CLI, go vet -vettool and the golangci-lint
// plugin all read (the analyzer declares no flags of its own).
type Config struct {
	// LogFunctions names a project's logging functions that the analyzer
	// cannot see into (an interface, a generated client), as
	// "import/path.Func" or a method as "(*import/path.Type).Method" (or
	// "import/path.Type.Method": both spellings are one name). Wrappers it
	// can see into are recognised without configuration.
	LogFunctions []string `yaml:"log-functions" json:"log-functions"`
	// Enabled says which of the rules run; nil runs every rule. The suite
	// sets it from the configuration's enable and disable lists, so that
	// a disabled rule costs no work and the lifetime engine runs only for
	// log-not-sent. It is not a key of the settings block.
	Enabled func(rule string) bool `yaml:"-" json:"-"`
}

// Validate checks the settings: every invalid value, each error naming
// its key below settings.errorlog.
func (c Config) Validate() error {
	var errs []error
	for i, n := range c.LogFunctions {
		if _, err := funcpath.Parse(n); err != nil {
			errs = append(errs, settingerr.At(fmt.Sprintf("log-functions[%d]", i), err))
		}
	}
	return errors.Join(errs...)
}

// DefaultConfig returns the settings used when nothing is configured.
func DefaultConfig() Config { return Config{} }

// Analyzer is the analyzer with the default settings.
var Analyzer = New(DefaultConfig())

// New returns the analyzer configured by cfg.
func New(cfg Config) *analysis.Analyzer { return NewWithEngine(cfg, lifetime.Analyzer) }

// NewWithEngine returns the analyzer configured by cfg, on the lifetime
// engine the other families of the run share (see lifetime.For): the
// engine follows zerolog events to their Msg or Send (log-not-sent).
func NewWithEngine(cfg Config, engine *analysis.Analyzer) *analysis.Analyzer {
	s := &settings{cfg: cfg, engine: engine}
	keys := make([]string, len(cfg.LogFunctions))
	for i := range keys {
		keys[i] = fmt.Sprintf("log-functions[%d]", i)
	}
	s.names = funcpath.NewChecker("errorlog", keys, cfg.LogFunctions)
	s.logging = s.loggingAnalyzer()
	requires := []*analysis.Analyzer{buildssa.Analyzer, inspect.Analyzer, s.logging}
	if s.on(RuleLogNotSent) {
		requires = append(requires, engine)
	}
	return &analysis.Analyzer{
		Name:     "errorlog",
		Doc:      docutil.MustExtract(doc, "errorlog"),
		URL:      "https://github.com/reviewlint/reviewlint/blob/main/docs/errorlog.md",
		Requires: requires,
		Run:      s.run,
	}
}

type settings struct {
	cfg     Config
	logging *analysis.Analyzer
	engine  *analysis.Analyzer // the lifetime engine
	names   *funcpath.Checker  // reports log functions that do not exist
}

// on reports whether rule runs.
func (s *settings) on(rule string) bool { return s.cfg.Enabled == nil || s.cfg.Enabled(rule) }

// checker is the per-pass state shared by the rules.
type checker struct {
	pass  *analysis.Pass
	files map[*token.File]*ast.File
	// logs says, per function of this package, which error parameters
	// it logs (loggingAnalyzer's result; facts for other packages).
	logs *logging
	// funcs are the package's source functions; writtenFields, the
	// *os.File fields they write through, and bufferFields, the fields
	// holding a flushing writer over a file (computed on first use).
	funcs         []*ssa.Function
	writtenFields map[*types.Var]bool
	bufferFields  map[*types.Var]bool
	// swallowed, unlogged and logAndReturn say which rules of the error
	// branches are on.
	swallowed, unlogged, logAndReturn bool
}

func (s *settings) run(pass *analysis.Pass) (any, error) {
	s.names.Check(pass)
	c := newChecker(pass, pass.ResultOf[s.logging].(*logging))
	funcs := sourceFuncs(pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA))
	c.funcs = funcs
	if s.on(RuleLogNotSent) {
		c.reportNotSent(pass.ResultOf[s.engine].(*lifetime.Result))
	}
	// Each check reports one rule and shares nothing with the others but
	// lazily built indexes, so a disabled rule's check is skipped whole.
	// The order is the order findings are reported in.
	c.swallowed, c.unlogged, c.logAndReturn = s.on(RuleSwallowed), s.on(RuleUnlogged), s.on(RuleLogAndReturn)
	var perFunc, perLibFunc []func(*ssa.Function)
	flatReported := map[token.Pos]bool{}
	for _, rc := range []ruleCheck{
		{RuleWrapVerb, func(fn *ssa.Function) { c.checkInspected(fn, flatReported) }},
		{RuleSwallowed, c.checkEmptyBranches},
		{RuleSwallowed, c.checkSkipped},
		{RuleOverwritten, c.checkOverwritten},
		{RuleLogKVOdd, c.checkKV},
		{"", c.checkBranches}, // swallowed, unlogged, log-and-return
		{RuleFatalInLibrary, c.checkFatal},
		{RuleRetryCauseLost, c.checkRetryCause},
	} {
		if rc.rule == "" && (c.swallowed || c.unlogged || c.logAndReturn) || rc.rule != "" && s.on(rc.rule) {
			perFunc = append(perFunc, rc.check)
		}
	}
	// A test's scratch files and servers are its own: their dropped
	// errors lose nothing a user sees.
	for _, rc := range []ruleCheck{
		{RuleDiscarded, c.checkDiscarded},
		{RuleGoroutineDropped, c.checkGoroutineDropped},
		{RuleScanErrUnchecked, c.checkScanErr},
		{RuleParseUnchecked, c.checkParseUnchecked},
	} {
		if s.on(rc.rule) {
			perLibFunc = append(perLibFunc, rc.check)
		}
	}
	for _, fn := range funcs {
		for _, check := range perFunc {
			check(fn)
		}
		if !c.isTestFile(fn.Pos()) {
			for _, check := range perLibFunc {
				check(fn)
			}
		}
	}
	return nil, nil
}

// ruleCheck is a check and the rule it reports ("" for checkBranches,
// which reports three).
type ruleCheck struct {
	rule  string
	check func(*ssa.Function)
}

// checkBranches runs the rules of fn's error branches that are on.
func (c *checker) checkBranches(fn *ssa.Function) {
	for _, br := range c.errBranches(fn) {
		if c.swallowed {
			c.checkSwallowed(br)
		}
		if c.unlogged {
			c.checkUnlogged(br)
		}
		if c.logAndReturn {
			c.checkLogAndReturn(br)
		}
	}
	if c.swallowed {
		for _, br := range c.recvErrBranches(fn) {
			c.checkSwallowed(br)
		}
	}
}

// newChecker returns the per-pass state over logs' summaries.
func newChecker(pass *analysis.Pass, logs *logging) *checker {
	c := &checker{pass: pass, files: map[*token.File]*ast.File{}, logs: logs}
	for _, f := range pass.Files {
		c.files[pass.Fset.File(f.Pos())] = f
	}
	return c
}

// fileOf returns the syntax file holding pos.
func (c *checker) fileOf(pos token.Pos) *ast.File {
	if !pos.IsValid() {
		return nil
	}
	return c.files[c.pass.Fset.File(pos)]
}

// isTestFile reports whether pos lies in a _test.go file.
func (c *checker) isTestFile(pos token.Pos) bool {
	if !pos.IsValid() {
		return false
	}
	name := c.pass.Fset.File(pos).Name()
	return len(name) > 8 && name[len(name)-8:] == "_test.go"
}

// line returns pos's line number.
func (c *checker) line(pos token.Pos) int { return c.pass.Fset.Position(pos).Line }

var errorType = types.Universe.Lookup("error").Type()
var errorIface = errorType.Underlying().(*types.Interface)

// isErrorType reports whether t is an interface type that is, or embeds,
// error: the values a nil check on an error tests.
func isErrorType(t types.Type) bool {
	return types.IsInterface(t) && types.Implements(t, errorIface)
}

// implementsError reports whether values of t are errors (interface or
// concrete).
func implementsError(t types.Type) bool {
	return types.Implements(t, errorIface)
}

// errorResult returns the index of fn's last result when it is an error,
// or -1.
func errorResult(sig *types.Signature) int {
	n := sig.Results().Len()
	if n == 0 || !types.Identical(sig.Results().At(n-1).Type(), errorType) {
		return -1
	}
	return n - 1
}

// callRange returns the source range of the call whose '(' is at lparen
// (an SSA call's position), or lparen alone when it is not found.
func (c *checker) callRange(lparen token.Pos) (token.Pos, token.Pos) {
	if f := c.fileOf(lparen); f != nil {
		path, _ := astutil.PathEnclosingInterval(f, lparen, lparen)
		for _, n := range path {
			if call, ok := n.(*ast.CallExpr); ok && call.Lparen == lparen {
				return call.Pos(), call.End()
			}
		}
	}
	return lparen, lparen + 1
}

// sourceFuncs returns the package's source functions, plus the function
// literals of package-level variables (children of the synthetic init,
// which buildssa leaves out).
func sourceFuncs(res *buildssa.SSA) []*ssa.Function {
	funcs := append([]*ssa.Function(nil), res.SrcFuncs...)
	var addAnons func(fn *ssa.Function)
	addAnons = func(fn *ssa.Function) {
		for _, a := range fn.AnonFuncs {
			funcs = append(funcs, a)
			addAnons(a)
		}
	}
	if init := res.Pkg.Func("init"); init != nil {
		addAnons(init)
	}
	return funcs
}

// logsTainted reports whether call logs a tainted value, directly or
// through a helper that logs its error parameter.
func (c *checker) logsTainted(call *ssa.CallCommon, tainted map[ssa.Value]bool) bool {
	return c.logs.logsTainted(call, tainted)
}
