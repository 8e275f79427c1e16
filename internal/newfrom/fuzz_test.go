package newfrom

import (
	"strings"
	"testing"
)

// FuzzParsePatch checks that any input parses without a panic, into an
// error or into changes that can be queried for any span.
func FuzzParsePatch(f *testing.F) {
	for _, seed := range []string{
		"",
		"diff --git a/x.go b/x.go\n--- a/x.go\n+++ b/x.go\n@@ -1,2 +1,3 @@\n a\n+b\n c\n",
		"--- /dev/null\n+++ b/new.go\n@@ -0,0 +1 @@\n+package x\n",
		"--- a/x.go\n+++ /dev/null\n@@ -1 +0,0 @@\n-package x\n",
		"@@ -1 +1 @@\n-a\n+b\n",
		"--- a/x.go\n+++ b/x.go\n@@ -9999999999999999999,1 +1,1 @@\n",
		"--- a/x.go\n+++ b/x.go\n@@ -1,3 +1,1 @@\n-a\n-b\n c\n\\ No newline at end of file\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, patch string) {
		c, err := ParsePatch(strings.NewReader(patch), "/root")
		if err != nil {
			return
		}
		for _, file := range []string{"/root/x.go", "/root/new.go", "x.go"} {
			c.Touches(file, 1, 3)
			c.Touches(file, 0, -1)
		}
	})
}
