package baseline

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzRead checks that any file content is read without a panic, into
// an error or into a baseline that writes and reads back unchanged.
func FuzzRead(f *testing.F) {
	for _, seed := range []string{
		"", "{}", "null", `{"version":1,"tool":"reviewlint","findings":[]}`,
		`{"version":1,"findings":[{"file":"a.go","rule":"x/y","code":"f()","count":2,"message":"m"}]}`,
		`{"version":2}`, `{"version":1,"findings":[{"count":-3}]}`, `[1,2]`, `{"version":1,"findings":null}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, "baseline.json")
		if err := os.WriteFile(path, content, 0o666); err != nil {
			t.Fatal(err)
		}
		b, err := Read(path)
		if err != nil {
			return
		}
		Apply(b, nil, dir, nil)
		again := filepath.Join(dir, "again.json")
		if err := Write(again, b); err != nil {
			t.Fatal(err)
		}
		b2, err := Read(again)
		if err != nil {
			t.Fatalf("a baseline read from %q does not read back: %v", content, err)
		}
		if !reflect.DeepEqual(b, b2) {
			t.Fatalf("round trip changed the baseline: %+v -> %+v", b, b2)
		}
	})
}
