package main

import (
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/stdfacts"
)

// TestTableMatchesFreshComputation recomputes the facts of a slice of the
// standard library (database/sql, net/url and everything they import) and
// compares them with the embedded table. The whole library is compared by
// `go run ./gen -check` in .ci/run.
func TestTableMatchesFreshComputation(t *testing.T) {
	env, err := goEnv("GOVERSION", "GOOS", "GOARCH")
	if err != nil {
		t.Fatal(err)
	}
	table := stdfacts.Load()
	if table == nil {
		t.Fatal("the embedded table does not decode")
	}
	if table.GoVersion != env[0] || table.GOOS != env[1] || table.GOARCH != env[2] {
		t.Skipf("table made by %s %s/%s, toolchain is %s %s/%s", table.GoVersion, table.GOOS, table.GOARCH, env[0], env[1], env[2])
	}
	engines, err := factEngines()
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := compute(engines, "database/sql", "net/url")
	if err != nil {
		t.Fatal(err)
	}
	fresh.GoVersion, fresh.GOOS, fresh.GOARCH = env[0], env[1], env[2]
	if err := compare("../std.gob.gz", fresh, engines, false); err != nil {
		t.Error(err)
	}
}
