package analyzers

import (
	"go/types"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/reviewlint/reviewlint/analyzers/httpbody"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/stdfacts"
)

// StdFacts is the engines' facts for the standard library, computed ahead
// of time (see analyzers/internal/engine/stdfacts), for hosts that can leave the
// standard library out of the analysis (the CLI's driver).
type StdFacts struct{}

// Fits reports whether the table stands in for the standard library of
// toolchain goVersion (go env GOVERSION) on goos/goarch.
func (StdFacts) Fits(goVersion, goos, goarch string) bool {
	return stdfacts.Header().Matches(goVersion, goos, goarch)
}

// Covers reports whether the table has pkgPath.
func (StdFacts) Covers(pkgPath string) bool { return stdfacts.Covers(pkgPath) }

// EnableWhen makes the engines of this process read the table for
// packages the analysis left out, and x/tools' ctrlflow too (see
// readStdNoReturn), if fits, called at the first lookup, says so.
func (StdFacts) EnableWhen(fits func() bool) {
	stdfacts.EnableWhen(fits)
	ctrlflowOnce.Do(readStdNoReturn)
}

var ctrlflowOnce sync.Once

// readStdNoReturn wraps ctrlflow's Run so that its fact imports fall back
// to the table's never-returning functions. ctrlflow is x/tools' analyzer,
// required by buildssa: buildssa ends the block of a call ctrlflow proves
// never returns, and ctrlflow proves a package's own exit helpers from the
// facts of the functions they call (os.Exit, log.Fatal). Without this, a
// standard-library package left out of the analysis has no facts, so a
// path through os.Exit would run on to the function's return.
func readStdNoReturn() {
	run := ctrlflow.Analyzer.Run
	ctrlflow.Analyzer.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.ImportObjectFact = func(obj types.Object, fact analysis.Fact) bool {
			return pass.ImportObjectFact(obj, fact) || stdNeverReturns(obj)
		}
		return run(&p)
	}
}

// stdNeverReturns reports whether the table lists obj, a function of a
// standard-library package, as never returning. ctrlflow asks for every
// callee without a fact, so the package is looked up before the object
// path is computed.
func stdNeverReturns(obj types.Object) bool {
	if _, ok := obj.(*types.Func); !ok || obj.Pkg() == nil || !stdfacts.HasNeverReturning(obj.Pkg().Path()) {
		return false
	}
	path, err := objectpath.For(obj)
	return err == nil && stdfacts.NeverReturns(obj.Pkg().Path(), string(path))
}

// LinkFacts are the packages whose importers' package facts the analyzers
// read along import chains (httpbody's "links net/http/pprof"): a host
// that leaves out dependencies must keep those importers analysed.
var LinkFacts = httpbody.LinkFacts
