// Package policy wraps a reporting analyzer with what the user configured:
// which rules are on, which paths are excluded, and which lines are
// suppressed by a directive. Wrapping (instead of filtering in the CLI) makes
// the same findings appear under every host: the CLI, go vet -vettool and
// golangci-lint.
package policy

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/reviewlint/reviewlint/analyzers/internal/host/crash"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/directive"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/settingerr"
)

// Marker categories carry bookkeeping for the CLI's -check-suppressions
// through the driver and its cache; they are never shown to users.
const (
	MarkerDeclared = "reviewlint.marker/declared" // a directive exists here
	MarkerUsed     = "reviewlint.marker/used"     // a directive suppressed a finding
)

// Policy is the user's configuration as it concerns reporting.
type Policy struct {
	// Enabled reports whether a rule ID is on; nil means every rule.
	Enabled func(rule string) bool
	// Excluded reports whether findings in an absolute file path are
	// dropped; nil means none are.
	Excluded func(filename string) bool
	// Generated keeps the findings in generated files, which are dropped
	// by default.
	Generated bool
	// Markers makes wrapped analyzers report MarkerUsed diagnostics.
	Markers bool
	// TagMessages appends " (rule-id)" to every message, for hosts that
	// print neither the Category nor the URL (go vet, golangci-lint).
	TagMessages bool
}

// Wrap returns an analyzer that runs a and filters its diagnostics through
// p. names are the lowercase selectors a //nolint may use for a besides the
// rule ID (its analyzer name, its family, "staticcheck" for bundled checks).
// The wrapper keeps a's name, requirements and fact types, so facts and
// caches are unchanged.
func Wrap(a *analysis.Analyzer, names []string, p Policy) *analysis.Analyzer {
	w := *a
	w.Requires = append(append([]*analysis.Analyzer(nil), a.Requires...), directive.Analyzer)
	w.Run = func(pass *analysis.Pass) (any, error) {
		idx := pass.ResultOf[directive.Analyzer].(*directive.Index)
		generated := generatedFiles(pass)
		filtered := *pass
		filtered.Report = func(d analysis.Diagnostic) {
			if d.Category == settingerr.Category {
				pass.Report(d) // about the configuration, not the code: no rule, path or directive drops it
				return
			}
			if !p.Generated && inGenerated(pass, generated, d.Pos) {
				return // nobody reviews generated code; fix the generator
			}
			if d.Category == "" {
				d.Category = a.Name
			}
			if !keep(pass, idx, names, p, d) {
				return
			}
			// golangci-lint's --fix applies every fix of a diagnostic, so a
			// diagnostic carries at most one: the analyzer's first choice.
			if len(d.SuggestedFixes) > 1 {
				d.SuggestedFixes = d.SuggestedFixes[:1]
			}
			if p.TagMessages && !IsMarker(d.Category) {
				d.Message += " (" + d.Category + ")"
			}
			pass.Report(d)
		}
		return runRecovering(a, &filtered, pass)
	}
	return &w
}

// runRecovering runs a on pass. A panic in an analyzer must not take the
// whole run down (nor lose the package's other findings): it becomes one
// finding that asks for a report.
func runRecovering(a *analysis.Analyzer, filtered, pass *analysis.Pass) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			reportInternal(pass, fmt.Sprintf("internal error in analyzer %s (please report it, with this line): %v at %s", a.Name, r, crash.Site()))
			result, err = nil, nil
		}
	}()
	reportEngineFailures(a, pass)
	return a.Run(filtered)
}

// reportEngineFailures says, for each engine a depends on that panicked
// on this package, that a's findings here are incomplete: the engine's
// recovery (crash.Guard) left it an empty result.
// A panic on a direct import costs that import's facts: the findings
// that rely on them are said to be possibly missing.
func reportEngineFailures(a *analysis.Analyzer, pass *analysis.Pass) {
	var deps map[string]bool
	report := func(pkg *types.Package, what string) {
		for _, f := range crash.Failures(pkg) {
			if deps == nil {
				deps = requires(a, map[string]bool{})
			}
			if deps[f.Engine] {
				reportInternal(pass, fmt.Sprintf("internal error in engine %s on package %s (please report it, with this line): %s; %s", f.Engine, pkg.Path(), f.Panic, what))
			}
		}
	}
	report(pass.Pkg, a.Name+"'s findings on this package are incomplete")
	for _, imp := range pass.Pkg.Imports() {
		report(imp, a.Name+"'s findings that rely on its facts may be missing here")
	}
}

// requires adds the names of the analyzers a needs, directly or not, to
// seen and returns it.
func requires(a *analysis.Analyzer, seen map[string]bool) map[string]bool {
	for _, r := range a.Requires {
		if !seen[r.Name] {
			seen[r.Name] = true
			requires(r, seen)
		}
	}
	return seen
}

// reportInternal reports an internal error at the package clause.
func reportInternal(pass *analysis.Pass, msg string) {
	pos := token.NoPos
	if len(pass.Files) > 0 {
		pos = pass.Files[0].Package
	}
	pass.Report(analysis.Diagnostic{Pos: pos, End: pos, Category: InternalError, Message: msg})
}

// InternalError is the category of the finding a recovered panic becomes.
const InternalError = "reviewlint/internal-error"

// keep decides one diagnostic, reporting a MarkerUsed when a directive
// swallows it and markers are on.
func keep(pass *analysis.Pass, idx *directive.Index, names []string, p Policy, d analysis.Diagnostic) bool {
	if IsMarker(d.Category) {
		return p.Markers
	}
	if p.Enabled != nil && !p.Enabled(d.Category) {
		return false
	}
	if p.Excluded != nil && d.Pos.IsValid() {
		if f := pass.Fset.File(d.Pos); f != nil && p.Excluded(f.Name()) {
			return false
		}
	}
	selectors := append([]string{strings.ToLower(d.Category)}, names...)
	if dir := idx.Match(pass.Fset, d.Pos, selectors); dir != nil {
		if p.Markers {
			pass.Report(analysis.Diagnostic{Pos: dir.Pos, End: dir.End, Category: MarkerUsed, Message: "used"})
		}
		return false
	}
	return true
}

// IsMarker reports whether a category is bookkeeping rather than a finding.
func IsMarker(category string) bool {
	return strings.HasPrefix(category, "reviewlint.marker/")
}

// generatedFiles lists the package's files that carry the standard
// "Code generated ... DO NOT EDIT." header.
func generatedFiles(pass *analysis.Pass) map[*token.File]bool {
	var out map[*token.File]bool
	for _, f := range pass.Files {
		if ast.IsGenerated(f) && !mappedToSource(pass.Fset, f) {
			if out == nil {
				out = map[*token.File]bool{}
			}
			out[pass.Fset.File(f.Pos())] = true
		}
	}
	return out
}

// mappedToSource reports whether a file with a generated header is the
// user's own code rewritten by a tool: a //line directive maps its package
// clause to a hand-written .go file. cmd/cgo does this for every file that
// imports "C"; treating its output as generated dropped every finding in
// those files. A mapping to a .go file that is itself generated, or to a
// grammar (goyacc's .y), keeps the file generated.
func mappedToSource(fset *token.FileSet, f *ast.File) bool {
	orig := fset.Position(f.Package).Filename
	if orig == fset.File(f.Pos()).Name() || !strings.HasSuffix(orig, ".go") {
		return false
	}
	src, err := parser.ParseFile(token.NewFileSet(), orig, nil, parser.PackageClauseOnly|parser.ParseComments)
	return err == nil && !ast.IsGenerated(src)
}

// inGenerated reports whether pos lies in a generated file.
func inGenerated(pass *analysis.Pass, generated map[*token.File]bool, pos token.Pos) bool {
	return len(generated) > 0 && pos.IsValid() && generated[pass.Fset.File(pos)]
}
