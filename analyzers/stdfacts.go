package analyzers

import "github.com/reviewlint/reviewlint/analyzers/internal/stdfacts"

// StdFacts is the engines' facts for the standard library, computed ahead
// of time (see analyzers/internal/stdfacts), for hosts that can leave the
// standard library out of the analysis (the CLI's driver).
type StdFacts struct{}

// Fits reports whether the table stands in for the standard library of
// toolchain goVersion (go env GOVERSION) on goos/goarch.
func (StdFacts) Fits(goVersion, goos, goarch string) bool {
	return stdfacts.Load().Matches(goVersion, goos, goarch)
}

// Covers reports whether the table has pkgPath.
func (StdFacts) Covers(pkgPath string) bool { return stdfacts.Covers(pkgPath) }

// Enable makes the engines of this process read the table for packages the
// analysis left out.
func (StdFacts) Enable() { stdfacts.Enable(true) }
