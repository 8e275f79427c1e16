package ruletest

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
)

// Pending fixtures hold the cases an analyzer still gets wrong, in any
// fixture package with a "pending" element in its path
// ("resourceclose/pending/missed", "errorlog/swallowed/pending"). They run
// with the rule's other fixtures, in the same analysis, and their
// expectations are inverted so that they cannot rot unnoticed:
//
//   - "// want `rx`" is the right answer, not reported today (a missed
//     case). The test fails when it starts to be reported.
//   - "// now `rx`" (or "// want `a` now `b`") is what the analyzer
//     reports today: a false positive, the wrong exit line, or in a
//     pending fix directory a right diagnostic whose fix is wrong. The
//     test fails when it stops being reported.
//   - any other diagnostic fails the test, as in bad/ and good/.
//   - a .golden file is the fix the analyzer should produce; the test
//     fails when the fixed file equals it. Keep one case per file in a
//     pending fix directory, so that the check tells the cases apart.
//
// Each failure says where the case now belongs: a case that behaves as
// its want comments say moves to its rule's bad/, good/ or fix/ directory.
// A family's test wires a pending directory by listing it with the rule's
// other fixture packages.

// isPendingFixture reports whether a fixture package lies below a pending
// directory (its test variants included).
func isPendingFixture(pkgPath string) bool {
	for _, elem := range strings.Split(strings.Fields(pkgPath)[0], "/") {
		if elem == "pending" {
			return true
		}
	}
	return false
}

// checkPending checks act's diagnostics against a pending fixture's
// inverted expectations, and its facts as checkWants does.
func checkPending(t *testing.T, testdata string, act *checker.Action) {
	t.Helper()
	rel := relSite(testdata, act)
	wants := collectWants(t, rel, act, true)
	for _, d := range act.Diagnostics {
		at := rel(d.Pos)
		if take(wants, at, func(e expectation) bool { return e.now && e.rx.MatchString(d.Message) }) {
			continue
		}
		if take(wants, at, func(e expectation) bool { return !e.now && e.object == "" && e.rx.MatchString(d.Message) }) {
			t.Errorf("%s:%d: pending case fixed: %q is now reported as its want comment expects; "+
				"move the case to its rule's bad/ (or fix/) directory", at.file, at.line, d.Message)
			continue
		}
		t.Errorf("%s:%d: pending case changed: unexpected diagnostic: %s "+
			"(if it is right, add a want comment and move the case to bad/; if wrong, record it with a now comment)",
			at.file, at.line, d.Message)
	}
	checkFactWants(act, rel, func(at site, object, what, text string) {
		if !take(wants, at, func(e expectation) bool { return e.object == object && e.rx.MatchString(text) }) {
			t.Errorf("%s:%d: unexpected %s: %s", at.file, at.line, what, text)
		}
	})
	var changed []string
	for at, exps := range wants {
		for _, e := range exps {
			switch {
			case e.now:
				changed = append(changed, fmt.Sprintf("%s:%d: pending case fixed or changed: no longer reports %#q; "+
					"if the case is now right, move it to its rule's good/ directory (bad/ if it has a want comment)", at.file, at.line, e.rx))
			case e.object != "":
				changed = append(changed, fmt.Sprintf("%s:%d: no fact of %s matching %#q", at.file, at.line, e.object, e.rx))
			}
		}
	}
	sort.Strings(changed)
	for _, c := range changed {
		t.Error(c)
	}
}

// take removes the first expectation at at that ok accepts, and reports
// whether there was one.
func take(wants map[site][]expectation, at site, ok func(expectation) bool) bool {
	for i, e := range wants[at] {
		if ok(e) {
			wants[at] = append(wants[at][:i:i], wants[at][i+1:]...)
			return true
		}
	}
	return false
}

// checkPendingGoldens fails for every file of a pending fix fixture whose
// .golden file act's fixes now produce.
func checkPendingGoldens(t *testing.T, act *checker.Action) {
	t.Helper()
	byFile := fixEdits(act)
	for _, f := range act.Package.Syntax {
		name := act.Package.Fset.File(f.Pos()).Name()
		if _, err := os.Stat(name + ".golden"); err != nil {
			continue
		}
		if compareGolden(name, byFile[name]) == nil {
			t.Errorf("%s: pending fix fixed: the fixes now produce %s.golden; move the case to its rule's fix/ directory",
				name, filepath.Base(name))
		}
	}
}
