package leakdump

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reviewlint/reviewlint/internal/report"
)

// dump mixes the shapes the parser meets: a go test timeout's preamble,
// the running goroutine, a leak-profile mark, a wait with minutes and a
// locked thread, goroutine ids with gp=/m= (GOTRACEBACK=crash), elided
// frames, a -trimpath path, arguments with nested parentheses, a
// goroutine with no frame in user code, and a goroutine that is asleep.
const dump = `panic: test timed out after 10s
	running tests:
		TestServe (10s)

goroutine 1 [running]:
main.main()
	/src/app/main.go:9 +0x20

goroutine 7 [chan send (leaked)]:
example.com/app/worker.(*Pool).run.func1({0x0, 0x0}, 0xc000010000)
	/src/app/worker/pool.go:42 +0x37
created by example.com/app/worker.(*Pool).Start in goroutine 1
	/src/app/worker/pool.go:40 +0x85

goroutine 8 [chan send (leaked)]:
example.com/app/worker.(*Pool).run.func1({0x0, 0x0}, 0xc000010008)
	/src/app/worker/pool.go:42 +0x37
created by example.com/app/worker.(*Pool).Start in goroutine 1
	/src/app/worker/pool.go:40 +0x85

goroutine 9 gp=0xc000007c00 m=nil [sync.Mutex.Lock, 7 minutes, locked to thread]:
internal/sync.runtime_SemacquireMutex(0x0?, 0x0?, 0x0?)
	/usr/local/go/src/runtime/sema.go:95 +0x25
sync.(*Mutex).Lock(...)
	/usr/local/go/src/sync/mutex.go:46
example.com/app/cache.(*Cache).Get(0xc0000a0000, {0x5a1b2c, 0x3})
	example.com/app/cache/cache.go:17 +0x4e
...additional frames elided...
created by example.com/app/cache.Warm
	example.com/app/cache/cache.go:30 +0x1f

goroutine 10 [chan receive]:
testing.(*T).Run(0xc000003a00, {0x5a1b2c?, 0x0?}, 0x0)
	/usr/local/go/src/testing/testing.go:1750 +0x3ab

goroutine 11 [sleep]:
time.Sleep(0x3b9aca00)
	/usr/local/go/src/runtime/time.go:300 +0x10b
example.com/app/tick.loop()
	/src/app/tick/tick.go:8 +0x1c
`

func TestParse(t *testing.T) {
	gs, err := Parse(strings.NewReader(dump))
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) != 6 {
		t.Fatalf("parsed %d goroutines, want 6", len(gs))
	}
	g := gs[3]
	if g.ID != 9 || g.Reason != "sync.Mutex.Lock" || g.Minutes != 7 || g.Leaked {
		t.Errorf("goroutine 9 = %+v", g)
	}
	if at, ok := g.UserFrame(); !ok || at.Func != "example.com/app/cache.(*Cache).Get" || at.File != "example.com/app/cache/cache.go" || at.Line != 17 {
		t.Errorf("goroutine 9 waits at %+v, want cache.(*Cache).Get at cache.go:17", at)
	}
	if g.CreatedBy == nil || g.CreatedBy.Func != "example.com/app/cache.Warm" || g.CreatedBy.Line != 30 {
		t.Errorf("goroutine 9 created by %+v", g.CreatedBy)
	}
	if !gs[1].Leaked || gs[1].Reason != "chan send" {
		t.Errorf("goroutine 7 = %+v, want a leaked chan send", gs[1])
	}
}

func TestGroups(t *testing.T) {
	gs, err := Parse(strings.NewReader(dump))
	if err != nil {
		t.Fatal(err)
	}
	groups := Groups(gs)
	// The pool's two senders, then the cache's waiter; not the running
	// main, the test runner (no user frame) or the sleeper (not blocked).
	if len(groups) != 2 {
		for _, g := range groups {
			t.Logf("%+v", *g)
		}
		t.Fatalf("%d groups, want 2", len(groups))
	}
	if g := groups[0]; len(g.Goroutines) != 2 || !g.Leaked || g.At.Line != 42 || g.CreatedAt.Line != 40 {
		t.Errorf("first group = %+v", *g)
	}
	if g := groups[1]; len(g.Goroutines) != 1 || g.Leaked || g.MaxMinutes != 7 {
		t.Errorf("second group = %+v", *g)
	}
}

func TestParseRejectsTextWithoutGoroutines(t *testing.T) {
	if _, err := Parse(strings.NewReader("module example.com/m\n")); err == nil {
		t.Fatal("Parse accepted a go.mod")
	}
}

func TestSamePath(t *testing.T) {
	for _, tc := range []struct {
		local, dumped string
		want          bool
	}{
		{"/home/u/app/worker/pool.go", "/src/app/worker/pool.go", true},        // another checkout
		{"/home/u/app/cache/cache.go", "example.com/app/cache/cache.go", true}, // -trimpath
		{"/home/u/app/worker/pool.go", "/src/other/worker/pool.go", true},      // two elements agree
		{"/home/u/app/worker/pool.go", "/src/app/queue/pool.go", false},        // same name, other directory
		{"/home/u/app/worker/pool.go", "/src/app/worker/pool_test.go", false},
	} {
		if got := samePath(tc.local, tc.dumped); got != tc.want {
			t.Errorf("samePath(%q, %q) = %v, want %v", tc.local, tc.dumped, got, tc.want)
		}
	}
}

func TestSamePathUnderRoot(t *testing.T) {
	// A module analysed in root, built elsewhere (/build/x).
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "cmd"), 0o777); err != nil {
		t.Fatal(err)
	}
	local := func(p string) string { return filepath.Join(root, p) }
	if !samePathUnder(root, local("main.go"), "/build/x/main.go") {
		t.Error("a root file of the analysed module does not match its dumped copy")
	}
	if samePathUnder(root, local("main.go"), "/build/x/cmd/main.go") {
		t.Error("main.go matched cmd/main.go")
	}
	if !samePathUnder(root, local("cmd/main.go"), "/build/x/cmd/main.go") {
		t.Error("cmd/main.go does not match")
	}
}

func TestMatchAll(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "app", "worker", "pool.go")
	if err := os.MkdirAll(filepath.Dir(file), 0o777); err != nil {
		t.Fatal(err)
	}
	src := "package worker\n\n" + strings.Repeat("\n", 35) + // lines 3-37
		"func (p *Pool) Start() {\n" + // 38
		"\tp.x = 1\n" + // 39
		"\tgo func() {\n" + // 40
		"\t\tp.out <- 1\n" + // 41
		"\t\tp.out <- 2\n" + // 42
		"\t\tp.y = 2\n" + // 43
		"\t}()\n" + // 44
		"}\n" // 45
	if err := os.WriteFile(file, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	g := &Group{At: Frame{File: "/src/app/worker/pool.go", Line: 42}, CreatedAt: &Frame{File: "/src/app/worker/pool.go", Line: 40}}
	finding := func(rule string, line int) report.Finding {
		return report.Finding{Rule: rule, File: file, Start: report.Position{Line: line}}
	}
	got := MatchAll([]*Group{g}, []report.Finding{
		finding("same-func", 43), finding("go", 40), finding("wait", 42),
		finding("outer-func", 39), // the enclosing declaration, not the literal that waits
		{Rule: "elsewhere", File: filepath.Join(dir, "other.go"), Start: report.Position{Line: 42}},
		{Rule: "related", File: filepath.Join(dir, "other.go"), Start: report.Position{Line: 7},
			Related: []report.Related{{File: file, Start: report.Position{Line: 42}}}},
	}, dir)[g]
	var rules []string
	for _, m := range got {
		rules = append(rules, m.Finding.Rule)
	}
	if strings.Join(rules, " ") != "wait go related same-func" {
		t.Errorf("matched %v, want [wait go related same-func]", rules)
	}
}
