package stdfacts

import (
	"bytes"
	"reflect"
	"testing"
)

func TestMinor(t *testing.T) {
	for v, want := range map[string]string{
		"go1.26.8":   "go1.26",
		"go1.26":     "go1.26",
		"go1.27rc1":  "go1.27",
		"devel +abc": "",
		"go2":        "",
		"go1.":       "",
	} {
		if got := minor(v); got != want {
			t.Errorf("minor(%q) = %q, want %q", v, got, want)
		}
	}
}

func TestMatches(t *testing.T) {
	tb := &Table{GoVersion: "go1.26.8", GOOS: "linux", GOARCH: "amd64"}
	cases := []struct {
		v, goos, goarch string
		want            bool
	}{
		{"go1.26.8", "linux", "amd64", true},
		{"go1.26.2", "linux", "amd64", true},
		{"go1.25.9", "linux", "amd64", false},
		{"go1.26.8", "darwin", "amd64", false},
		{"go1.26.8", "linux", "arm64", false},
		{"devel go1.27-abc", "linux", "amd64", false},
	}
	for _, c := range cases {
		if got := tb.Matches(c.v, c.goos, c.goarch); got != c.want {
			t.Errorf("Matches(%q, %q, %q) = %v, want %v", c.v, c.goos, c.goarch, got, c.want)
		}
	}
	if (*Table)(nil).Matches("go1.26.8", "linux", "amd64") {
		t.Error("a missing table matches")
	}
}

func TestEmbeddedTable(t *testing.T) {
	tb := Load()
	if tb == nil {
		t.Fatal("the embedded table does not decode")
	}
	if !Covers("net/http") || !Covers("database/sql") || Covers("github.com/reviewlint/reviewlint") {
		t.Errorf("coverage: net/http %v, database/sql %v", Covers("net/http"), Covers("database/sql"))
	}
	if len(tb.Facts) == 0 {
		t.Error("no facts")
	}
}

func TestLookupOnlyWhenEnabled(t *testing.T) {
	key := "github.com/reviewlint/reviewlint/analyzers/internal/engine/lifetime.packageSummaries"
	Enable(false)
	if _, ok := Lookup(key, "os"); ok {
		t.Error("lookup answered while disabled")
	}
	Enable(true)
	defer Enable(false)
	if _, ok := Lookup(key, "os"); !ok {
		t.Error("no lifetime summaries for package os")
	}
}

// TestNeverReturns checks the table's functions that never return: the
// ones buildssa and ctrlflow must know of when the standard library is
// not analysed, and that lookups stay off until enabled.
func TestNeverReturns(t *testing.T) {
	if Load() == nil {
		t.Fatal("the embedded table does not decode")
	}
	defer Enable(false)
	Enable(false)
	if NeverReturns("os", "Exit") {
		t.Error("NeverReturns answered before Enable")
	}
	Enable(true)
	for _, f := range [][2]string{{"os", "Exit"}, {"log", "Fatalf"}, {"syscall", "Exit"}, {"runtime", "Goexit"}} {
		if !NeverReturns(f[0], f[1]) {
			t.Errorf("%s.%s is not listed as never returning", f[0], f[1])
		}
	}
	if NeverReturns("os", "Open") {
		t.Error("os.Open is listed as never returning")
	}
	if !HasNeverReturning("os") || HasNeverReturning("strings") {
		t.Error("HasNeverReturning: want os listed, strings not")
	}
}

// TestEncodeIsCanonical checks that the table's bytes are a function of
// its facts: encoding is stable (no map order leaks into it) and decodes
// to the same table, so a regeneration changes std.gob.gz only when the
// facts change. (Gob's type ids depend on what the process encoded
// before, so the bytes are compared within one process, not with the
// embedded file.)
func TestEncodeIsCanonical(t *testing.T) {
	tb := Load()
	if tb == nil {
		t.Fatal("the embedded table does not decode")
	}
	first, err := Encode(tb)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Decode(first)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, tb) {
		t.Error("the re-encoded table decodes to another table")
	}
	for range 3 {
		if data, _ := Encode(again); !bytes.Equal(data, first) {
			t.Fatal("encoding the same table twice gives other bytes")
		}
	}
}
