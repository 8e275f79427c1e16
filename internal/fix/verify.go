package fix

import (
	"context"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Verify compiles the packages that contain the changed files, with the
// changes in place of the files on disk, and drops every change of a
// directory whose package, test variant or external test package then fails
// to compile with an error it did not have before (a package that was
// already broken does not block a fix, unless the fix adds an error). A
// change in a file that no package of this build configuration contains is
// dropped too: nothing could check it. dir and buildFlags are those the
// packages were analysed with.
//
// The check is the compiler itself: `go list -e -export -test` with the
// changes as an overlay compiles each changed package and its test
// variants, while dependencies come from the build cache. Because dropping
// a change can break a dependent package that was checked against it, the
// check is repeated on what is left until nothing more is dropped.
//
// Verify does not check packages that import a changed package without
// being changed themselves: a fix that changes an exported API can break
// them. Our analyzers' fixes do not change APIs.
//
// The error is the go command's, when it could not run at all.
func Verify(ctx context.Context, dir string, changes []Change, buildFlags []string) ([]Change, []Skipped, error) {
	var skipped []Skipped
	for len(changes) > 0 {
		rejected, err := reject(ctx, dir, changes, buildFlags)
		if err != nil {
			return nil, nil, err
		}
		if len(rejected) == 0 {
			break
		}
		var kept []Change
		for _, c := range changes {
			if reason, ok := rejected[c.File]; ok {
				skipped = append(skipped, skipFile(c.File, reason))
			} else {
				kept = append(kept, c)
			}
		}
		changes = kept
	}
	return changes, skipped, nil
}

// reject compiles changes once and returns the reason each rejected file's
// change cannot be written, by file.
func reject(ctx context.Context, dir string, changes []Change, buildFlags []string) (map[string]string, error) {
	overlay := make(map[string][]byte, len(changes))
	dirs := make(map[string]bool)
	for _, c := range changes {
		overlay[c.File] = c.New
		dirs[filepath.Dir(c.File)] = true
	}
	pkgs, err := load(ctx, dir, slices.Sorted(maps.Keys(dirs)), buildFlags, overlay)
	if err != nil {
		return nil, err
	}
	broken, err := brokenDirs(ctx, dir, pkgs, buildFlags)
	if err != nil {
		return nil, err
	}
	covered := coveredFiles(pkgs)
	rejected := make(map[string]string)
	for _, c := range changes {
		if reason, ok := broken[canonical(filepath.Dir(c.File))]; ok {
			rejected[c.File] = "with the fixes its package does not compile: " + reason
		} else if !covered[canonical(c.File)] {
			rejected[c.File] = "no package of this build configuration contains it, so nothing can check that it compiles"
		}
	}
	return rejected, nil
}

// load lists and compiles the packages in dirs, with their tests. Asking
// for export files is what makes `go list` compile them: the compiler's
// errors come back as the packages' errors, at the cost of one `go list`
// and one compilation per changed package and test variant. Asking for
// types instead would make go/packages type-check every dependency from
// source, because an overlay invalidates export data.
func load(ctx context.Context, dir string, dirs, buildFlags []string, overlay map[string][]byte) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Context:    ctx,
		Mode:       packages.NeedName | packages.NeedFiles | packages.NeedExportFile,
		Dir:        dir,
		BuildFlags: buildFlags,
		Tests:      true,
		Overlay:    overlay,
	}
	return packages.Load(cfg, dirs...)
}

// brokenDirs returns, by canonical directory, the first error that a
// package in pkgs (loaded with the changes) has and did not have before.
func brokenDirs(ctx context.Context, dir string, pkgs []*packages.Package, buildFlags []string) (map[string]string, error) {
	withFix := make(map[string][]string) // errors by package ID
	dirs := make(map[string]bool)
	for _, pkg := range pkgs {
		// A package without a directory is a failed pattern; the changes it
		// was for are rejected as not covered by any package.
		if errs := errorLines(pkg, dir); len(errs) > 0 && pkg.Dir != "" {
			withFix[pkg.ID] = errs
			dirs[pkg.Dir] = true
		}
	}
	if len(withFix) == 0 {
		return nil, nil
	}
	// Only now, and only for these packages, pay for a second compilation.
	before, err := load(ctx, dir, slices.Sorted(maps.Keys(dirs)), buildFlags, nil)
	if err != nil {
		return nil, err
	}
	without := make(map[string][]string)
	for _, pkg := range before {
		without[pkg.ID] = errorLines(pkg, dir)
	}
	broken := make(map[string]string)
	for _, pkg := range pkgs {
		d := canonical(pkg.Dir)
		if _, seen := broken[d]; seen {
			continue
		}
		if added := addedErrors(withFix[pkg.ID], without[pkg.ID]); len(added) > 0 {
			broken[d] = added[0]
		}
	}
	return broken, nil
}

// coveredFiles returns the canonical paths of the files of pkgs.
func coveredFiles(pkgs []*packages.Package) map[string]bool {
	covered := make(map[string]bool)
	for _, pkg := range pkgs {
		for _, f := range pkg.GoFiles {
			covered[canonical(f)] = true
		}
	}
	return covered
}

// overlayFile matches the name go/packages gives the temporary copy of an
// overlaid file, which is what the compiler's messages mention.
var overlayFile = regexp.MustCompile(`\S*gocommand-\d+[/\\]\d+-`)

// errorLines returns pkg's errors, one per line of compiler output, without
// the "# package" headers, with each overlaid file named as the file it
// stands for, relative to dir like the go command's other paths.
func errorLines(pkg *packages.Package, dir string) []string {
	prefix := pkg.Dir
	if rel, err := filepath.Rel(dir, pkg.Dir); err == nil && filepath.IsLocal(rel) {
		prefix = rel
	}
	var lines []string
	for _, e := range pkg.Errors {
		for line := range strings.SplitSeq(e.Msg, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "# ") {
				continue
			}
			line = overlayFile.ReplaceAllLiteralString(line, prefix+string(filepath.Separator))
			lines = append(lines, line)
		}
	}
	return lines
}

// positionPrefix matches the "file:line:col: " that starts a compiler message.
var positionPrefix = regexp.MustCompile(`^\S+?:\d+(:\d+)?: `)

// addedErrors returns the errors in after that are not in before, counting
// repeats and ignoring positions, which a fix shifts.
func addedErrors(after, before []string) []string {
	count := make(map[string]int)
	for _, e := range before {
		count[positionPrefix.ReplaceAllString(e, "")]++
	}
	var added []string
	for _, e := range after {
		msg := positionPrefix.ReplaceAllString(e, "")
		if count[msg] > 0 {
			count[msg]--
			continue
		}
		added = append(added, e)
	}
	return added
}

// canonical returns path with symbolic links resolved, so that paths from
// the go command and from the analysis compare equal.
func canonical(path string) string {
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		return resolved
	}
	return filepath.Clean(path)
}
