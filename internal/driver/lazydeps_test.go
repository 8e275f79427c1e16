package driver

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// reachable is a module whose root, r, reaches some of what it imports.
var reachable = map[string]string{
	"go.mod": "module example.com/m\n\ngo 1.26\n",
	"r/r.go": `package r

import (
	"example.com/m/a"
	"example.com/m/d"
	"example.com/m/e"
	"example.com/m/h"
)

func Run() {
	a.F()
	c := d.New()
	defer c.Close()
	var s e.S
	_ = s.N + h.K
}
`,
	// a.F is called, a.H is not: b is reached, c is not.
	"a/a.go": `package a

import (
	"example.com/m/b"
	"example.com/m/c"
)

func F() { b.G() }

func H() { c.K() }
`,
	"b/b.go": "package b\n\nimport \"strings\"\n\nfunc G() string { return strings.ToUpper(\"g\") }\n",
	"c/c.go": "package c\n\nimport \"example.com/m/z\"\n\nfunc K() { z.Z() }\n",
	// z imports nothing: never left out (see leavable), though unreached.
	"z/z.go": "package z\n\nfunc Z() {}\n",
	// d.New returns its *t as an io.Closer: t's methods are reached, and
	// what they call.
	"d/d.go": `package d

import (
	"io"

	"example.com/m/dd"
)

type t struct{}

func (*t) Close() error { dd.Release(); return nil }

func New() io.Closer { return &t{} }
`,
	"dd/dd.go": "package dd\n\nimport \"sync\"\n\nvar mu sync.Mutex\n\nfunc Release() { mu.Unlock() }\n",
	// A field of e is used, so e is analysed (its annotations are facts);
	// none of its functions is, so f is not reached.
	"e/e.go": `package e

import "example.com/m/f"

type S struct{ N int }

func Unused() { f.X() }
`,
	"f/f.go": "package f\n\nimport \"fmt\"\n\nfunc X() { fmt.Println() }\n",
	// Only a constant of h is used, but h links net/http/pprof through g.
	"h/h.go": "package h\n\nimport _ \"example.com/m/g\"\n\nconst K = 1\n",
	"g/g.go": "package g\n\nimport _ \"net/http/pprof\"\n",
}

// leaveOutAnyShare makes the walk go to its end however much is reached.
func leaveOutAnyShare(t *testing.T) { t.Setenv(LazyDepsEnv, "always") }

func TestUnreachedDependencies(t *testing.T) {
	leaveOutAnyShare(t)
	dir := writeModule(t, reachable)
	cacheDir := t.TempDir()
	t.Setenv(keepImportersEnv, "net/http/pprof")
	for _, run := range []string{"cold", "warm"} {
		roots, x, stats := exportGraph(t, dir, cacheDir, "./r")
		out, err := x.unreached(roots)
		if err != nil {
			t.Fatalf("%s: %v", run, err)
		}
		var left []string
		for p := range out {
			left = append(left, strings.TrimPrefix(p.PkgPath, "example.com/m/"))
		}
		slices.Sort(left)
		if want := []string{"c", "f"}; !slices.Equal(left, want) {
			t.Errorf("%s: left out %v, want %v", run, left, want)
		}
		if run == "warm" && (stats.NeedsChecked != 0 || !stats.ReachRemembered) {
			t.Errorf("warm: needs worked out for %d packages, walk remembered %v; want none and true", stats.NeedsChecked, stats.ReachRemembered)
		}
	}
}

// TestUnreachedNeedsTypeCheckedCode: a needed package that does not
// type-check leaves nothing out (its needs are unknown).
func TestUnreachedNeedsTypeCheckedCode(t *testing.T) {
	files := map[string]string{}
	for k, v := range reachable {
		files[k] = v
	}
	leaveOutAnyShare(t)
	files["b/b.go"] = "package b\n\nimport \"strings\"\n\nfunc G() string { return strings.ToUpper(1) }\n"
	dir := writeModule(t, files)
	roots, x, _ := exportGraph(t, dir, t.TempDir(), "./r")
	if out, err := x.unreached(roots); err == nil {
		var left []*packages.Package
		for p := range out {
			left = append(left, p)
		}
		t.Errorf("unreached = %v, nil error; want an error naming b", left)
	} else if !strings.Contains(err.Error(), "example.com/m/b") {
		t.Errorf("error %q does not name example.com/m/b", err)
	}
}

// TestUnreachedGivesUp: when what the roots reach leaves less than
// minLeftOut of the dependencies' files to leave out, nothing is.
func TestUnreachedGivesUp(t *testing.T) {
	t.Setenv(keepImportersEnv, "net/http/pprof")
	dir := writeModule(t, reachable)
	roots, x, _ := exportGraph(t, dir, t.TempDir(), "./r")
	if out, err := x.unreached(roots); err == nil || out != nil {
		t.Errorf("unreached = %d packages, %v; want nil and an error (more reached than left out)", len(out), err)
	}
}
