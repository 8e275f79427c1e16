package fix

import (
	"cmp"
	"path/filepath"
	"slices"

	"github.com/rogpeppe/go-internal/diff"
)

// Diff returns a unified diff of changes, files in sorted order, named
// relative to relTo with git's a/ and b/ prefixes, so `git apply` and
// `patch -p1` accept it from relTo.
func Diff(changes []Change, relTo string) []byte {
	sorted := slices.Clone(changes)
	slices.SortFunc(sorted, func(a, b Change) int { return cmp.Compare(a.File, b.File) })
	var out []byte
	for _, c := range sorted {
		name := displayName(c.File, relTo)
		out = append(out, diff.Diff("a/"+name, c.Old, "b/"+name, c.New)...)
	}
	return out
}

// displayName is file relative to relTo with forward slashes, or file
// itself when it is not below relTo.
func displayName(file, relTo string) string {
	rel, err := filepath.Rel(relTo, file)
	if err != nil || !filepath.IsLocal(rel) {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(rel)
}
