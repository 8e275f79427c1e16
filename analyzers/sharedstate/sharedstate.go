package sharedstate

import (
	_ "embed"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
	"github.com/reviewlint/reviewlint/analyzers/internal/meta/docutil"
)

//go:embed doc.go
var doc string

// The rule IDs this analyzer reports.
const (
	RuleLockLeak               = "sharedstate/lock-leak"
	RuleDoubleLock             = "sharedstate/double-lock"
	RuleRLockWrite             = "sharedstate/rlock-write"
	RuleMixedAtomic            = "sharedstate/mixed-atomic"
	RuleUnguardedField         = "sharedstate/unguarded-field"
	RuleUnguardedFieldInferred = "sharedstate/unguarded-field-inferred"
	RuleLockOrder              = "sharedstate/lock-order"
	RuleCapturedWrite          = "sharedstate/captured-write"
	RuleUnguardedGlobal        = "sharedstate/unguarded-global"
	RuleAnnotatedGuard         = "sharedstate/annotated-guard"
)

// Config holds the analyzer's settings: the settings.sharedstate block of
// .reviewlint.yml, which the CLI, go vet -vettool and the golangci-lint
// plugin all read (the analyzer declares no flags of its own).
type Config struct {
	// Enabled says which of the rules run; nil runs every rule. The suite
	// sets it from the configuration's enable and disable lists, so that
	// a disabled rule costs no work. It is not a key of the settings
	// block.
	Enabled func(rule string) bool `yaml:"-" json:"-"`
}

// DefaultConfig returns the settings used when nothing is configured.
func DefaultConfig() Config { return Config{} }

// Analyzer is the analyzer with the default settings.
var Analyzer = New(DefaultConfig())

// New returns the analyzer configured by cfg.
func New(cfg Config) *analysis.Analyzer {
	s := &settings{cfg: cfg}
	return &analysis.Analyzer{
		Name:     "sharedstate",
		Doc:      docutil.MustExtract(doc, "sharedstate"),
		URL:      "https://github.com/reviewlint/reviewlint/blob/main/docs/sharedstate.md",
		Requires: []*analysis.Analyzer{locks.Analyzer, buildssa.Analyzer, inspect.Analyzer},
		Run:      s.run,
	}
}

type settings struct{ cfg Config }

// on reports whether rule runs.
func (s *settings) on(rule string) bool { return s.cfg.Enabled == nil || s.cfg.Enabled(rule) }

func (s *settings) run(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[locks.Analyzer].(*locks.Result)
	c := &checker{
		pass:  pass,
		locks: res,
		pos:   indexPositions(pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)),
	}
	// Each check reports one rule (unguardedFields two) and shares
	// nothing with the others but lazily built indexes, so a disabled
	// rule's check is skipped whole.
	// The goroutine rules need no lock in the package: their finding is
	// often that there is none.
	if s.on(RuleCapturedWrite) {
		for _, f := range c.locks.Funcs {
			c.capturedWrites(f)
		}
	}
	if s.on(RuleUnguardedGlobal) {
		c.unguardedGlobals()
	}
	// Annotations are contracts whether or not this package locks: an
	// imported field's guard, a callee's precondition.
	if s.on(RuleAnnotatedGuard) {
		c.annotatedGuards()
	}
	if !res.Locking() && !importsAtomic(pass.Pkg) {
		return nil, nil // no lock taken here, directly or through a callee
	}
	c.notes = indexNotes(pass.Fset, pass.Files)
	leak, double, rlock := s.on(RuleLockLeak), s.on(RuleDoubleLock), s.on(RuleRLockWrite)
	for _, f := range c.locks.Funcs {
		if leak {
			c.lockLeaks(f)
		}
		if double {
			c.doubleLocks(f)
		}
		if rlock {
			c.rlockWrites(f)
		}
	}
	mixed, fields := s.on(RuleMixedAtomic), s.on(RuleUnguardedField) || s.on(RuleUnguardedFieldInferred)
	if mixed || fields {
		atomics := c.atomicUses()
		if mixed {
			c.mixedAtomics(atomics)
		}
		if fields {
			c.unguardedFields(atomics)
		}
	}
	if s.on(RuleLockOrder) {
		c.lockOrders()
	}
	return nil, nil
}

// checker is the per-pass state the rules share.
type checker struct {
	pass  *analysis.Pass
	locks *locks.Result
	pos   *positions
	notes *notes
	// entry is what callers guarantee each function (see entryInfo).
	entry map[*ssa.Function]*entryInfo
	// unlockedIn are, per field, the functions that access it with no
	// lock of its object held (see touchedUnlockedElsewhere).
	unlockedIn map[varID]map[*ssa.Function]bool
	// oldLoopVars are the loop variables declared in files older than Go
	// 1.22 (computed on first use).
	oldLoopVars map[token.Pos]bool
	// named and invoked index the package's references to functions and
	// its dynamic method calls (see testOnly; computed on first use).
	named   map[*types.Func][]ssa.Instruction
	invoked map[string][]ssa.Instruction
}

// importsAtomic reports whether pkg imports sync/atomic directly.
func importsAtomic(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == "sync/atomic" {
			return true
		}
	}
	return false
}
