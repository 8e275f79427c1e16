package resourceclose_test

import (
	"strings"
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/lifetime"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/ruletest"
	"github.com/reviewlint/reviewlint/analyzers/resourceclose"
)

// The fixtures run in as few analyses as possible: each one loads and
// analyses the standard library packages the fixtures import (the lifetime
// engine computes their summary facts), which costs tens of seconds of CPU.
// The rules checked with the whole analyzer (every rule's findings, as
// their fixtures were written) share one run; the other rules share one
// ruletest.RunFamily run, fixes included.

// TestRules covers, in one analysis, resourceclose/unclosed (files, sql
// rows, statements, conns and pools, network connections and listeners,
// zip readers, timers in old files), tx-unfinished and cancel-leak checked
// with every rule's findings (as their fixtures were written), reasoning
// across packages (helpers in facts/dep that close, store, borrow or
// return resources, called from facts/use: loading use analyses dep
// first, so its summaries reach use as facts), the rules checked one rule
// per fixture package, every suggested fix against its .golden file, and
// the pending cases the engine still gets wrong, with inverted
// expectations (ruletest's pending.go: the test fails when one is fixed).
func TestRules(t *testing.T) {
	ruletest.RunFamilyMixed(t, resourceclose.Analyzer,
		[]string{
			"resourceclose/unclosed/bad", "resourceclose/unclosed/good", "resourceclose/unclosed/good/cmdmain",
			"resourceclose/unclosed/timers",
			"resourceclose/tx-unfinished/bad", "resourceclose/tx-unfinished/good",
			"resourceclose/cancel-leak/bad", "resourceclose/cancel-leak/good",
			"resourceclose/facts/dep", "resourceclose/facts/use",
			"resourceclose/pending/missed", "resourceclose/pending/false-positive",
		},
		"resourceclose/cmd-not-waited/bad", "resourceclose/cmd-not-waited/good",
		"resourceclose/defer-in-loop/bad", "resourceclose/defer-in-loop/good",
		"resourceclose/rows-err-unchecked/bad", "resourceclose/rows-err-unchecked/good",
		"resourceclose/defer-in-loop/fix", "resourceclose/unclosed/fix", "resourceclose/tx-unfinished/fix", "resourceclose/cancel-leak/fix")
}

// TestCustomKinds checks kinds declared in configuration, with either
// spelling of a method's receiver.
func TestCustomKinds(t *testing.T) {
	t.Parallel()
	cfg := resourceclose.Config{Kinds: []lifetime.CustomKind{
		{Constructor: "(resourceclose/unclosed/custom/pool.Pool).Get", Release: []string{"Release"}},
		{Constructor: "resourceclose/unclosed/custom/pool.Acquire", Release: []string{"Return", "Discard"}},
		{Constructor: "(*resourceclose/unclosed/custom/pool.GenPool).Get", Release: []string{"Release"}},
		{Constructor: "resourceclose/unclosed/custom/pool.AcquireOf", Release: []string{"Return", "Discard"}},
	}}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ruletest.RunIn(t, ruletest.Testdata(t), resourceclose.New(cfg), "resourceclose/unclosed/custom")
}

func TestCustomKindsValidate(t *testing.T) {
	for _, tc := range []struct {
		kind lifetime.CustomKind
		want string
	}{
		{lifetime.CustomKind{Constructor: "Open", Release: []string{"Close"}}, `kinds[0].constructor: "Open" is not a function path`},
		{lifetime.CustomKind{Constructor: "example.com/pool.Open"}, `kinds[0].release: empty`},
		{lifetime.CustomKind{Constructor: "example.com/pool.Open", Release: []string{"Close()"}}, `kinds[0].release[0]: "Close()" is not a method name`},
		{lifetime.CustomKind{Constructor: "example.com/pool.Pool.Get", Release: []string{"Close"}, Result: -1}, `kinds[0].result: -1 is negative`},
	} {
		err := resourceclose.Config{Kinds: []lifetime.CustomKind{tc.kind}}.Validate()
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Validate(%+v) = %v, want %s...", tc.kind, err, tc.want)
		}
	}
}
