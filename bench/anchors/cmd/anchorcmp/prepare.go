package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// skippedDirs are fixture directories that are not part of the comparison:
// pending/ holds known gaps that analysistest does not run, scratch/ is
// work in progress.
var skippedDirs = map[string]bool{"pending": true, "scratch": true}

func cmdPrepare(args []string) error {
	fs := flag.NewFlagSet("prepare", flag.ExitOnError)
	src := fs.String("src", "", "the GOPATH-style fixture root (testdata/src)")
	family := fs.String("family", "", "fixture family: a directory under -src (resourceclose, httpbody)")
	dst := fs.String("dst", "", "directory of the module to create (must not exist yet)")
	goVersion := fs.String("go", "1.26", "the module's go line")
	modPath := fs.String("module", "fixtures", "the module path")
	fs.Parse(args)
	if *src == "" || *family == "" || *dst == "" {
		return fmt.Errorf("prepare: -src, -family and -dst are required")
	}
	if _, err := os.Stat(*dst); err == nil {
		return fmt.Errorf("prepare: %s already exists", *dst)
	}
	famDir := filepath.Join(*src, *family)
	if st, err := os.Stat(famDir); err != nil || !st.IsDir() {
		return fmt.Errorf("prepare: no fixture family %s", famDir)
	}

	pkgs, err := packageDirs(*src, *family)
	if err != nil {
		return err
	}
	if len(pkgs) == 0 {
		return fmt.Errorf("prepare: no Go package under %s", famDir)
	}
	support, err := copyPackages(*src, pkgs, *dst, *modPath)
	if err != nil {
		return err
	}
	gomod := fmt.Sprintf("module %s\n\ngo %s\n", *modPath, *goVersion)
	if err := os.WriteFile(filepath.Join(*dst, "go.mod"), []byte(gomod), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "anchorcmp prepare: %d packages of %s copied to %s\n", len(pkgs), *family, *dst)
	for _, s := range support {
		fmt.Fprintf(os.Stderr, "anchorcmp prepare: also copied imported fixture package %s (not scored)\n", s)
	}
	return nil
}

// copyPackages copies the packages pkgs of src (slash-separated, relative
// to src) to dst, then any fixture package they import that is not among
// them (another family's, or one under a skipped directory): those are
// support code, returned so that the caller can say they are not scored.
func copyPackages(src string, pkgs []string, dst, modPath string) ([]string, error) {
	done := map[string]bool{}
	queue := append([]string(nil), pkgs...)
	var support []string
	for len(queue) > 0 {
		rel := queue[0]
		queue = queue[1:]
		if done[rel] {
			continue
		}
		done[rel] = true
		imports, err := copyPackage(src, rel, dst, modPath)
		if err != nil {
			return nil, err
		}
		for _, imp := range imports {
			if !done[imp] {
				queue = append(queue, imp)
				if !contains(pkgs, imp) {
					support = append(support, imp)
				}
			}
		}
	}
	return support, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// packageDirs lists, slash-separated and relative to src, every directory
// under src/family holding .go files, skipping pending/ and scratch/.
func packageDirs(src, family string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	root := filepath.Join(src, family)
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && (skippedDirs[d.Name()] || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(d.Name(), ".go") {
			rel, err := filepath.Rel(src, filepath.Dir(p))
			if err != nil {
				return err
			}
			rel = filepath.ToSlash(rel)
			if !seen[rel] {
				seen[rel] = true
				out = append(out, rel)
			}
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// isFixturePackage reports whether import path imp names a package of the
// fixture tree (a directory under src with .go files).
func isFixturePackage(src, imp string) bool {
	first, _, _ := strings.Cut(imp, "/")
	if first == "" || strings.Contains(first, ".") {
		return false
	}
	ents, err := os.ReadDir(filepath.Join(src, filepath.FromSlash(imp)))
	if err != nil {
		return false
	}
	for _, e := range ents {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".go") {
			return true
		}
	}
	return false
}

// copyPackage copies the regular files of src/rel (not .golden files, not
// subdirectories) to dst/rel, rewriting imports of fixture packages to
// modPath/..., and returns the fixture packages the files import.
func copyPackage(src, rel, dst, modPath string) ([]string, error) {
	from := filepath.Join(src, filepath.FromSlash(rel))
	to := filepath.Join(dst, filepath.FromSlash(rel))
	if err := os.MkdirAll(to, 0o755); err != nil {
		return nil, err
	}
	ents, err := os.ReadDir(from)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var imports []string
	for _, e := range ents {
		if !e.Type().IsRegular() || strings.HasSuffix(e.Name(), ".golden") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			return nil, err
		}
		if strings.HasSuffix(e.Name(), ".go") {
			var imps []string
			data, imps, err = rewriteImports(src, filepath.Join(from, e.Name()), data, modPath)
			if err != nil {
				return nil, err
			}
			for _, imp := range imps {
				if !seen[imp] {
					seen[imp] = true
					imports = append(imports, imp)
				}
			}
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
			return nil, err
		}
	}
	return imports, nil
}

// rewriteImports replaces the import path literal of every fixture package
// import in data by modPath/path. Only import specs are touched; string
// literals and comments elsewhere in the file stay as they are, so every
// line keeps its number.
func rewriteImports(src, name string, data []byte, modPath string) ([]byte, []string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, data, parser.ImportsOnly)
	if err != nil {
		// A file that does not parse is copied as is: the build check of
		// compare reports it.
		return data, nil, nil
	}
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	var imports []string
	for _, spec := range f.Imports {
		imp, err := strconv.Unquote(spec.Path.Value)
		if err != nil || !isFixturePackage(src, imp) {
			continue
		}
		imports = append(imports, path.Clean(imp))
		edits = append(edits, edit{
			start: fset.Position(spec.Path.Pos()).Offset,
			end:   fset.Position(spec.Path.End()).Offset,
			text:  strconv.Quote(modPath + "/" + imp),
		})
	}
	if len(edits) == 0 {
		return data, nil, nil
	}
	var buf bytes.Buffer
	last := 0
	for _, e := range edits {
		buf.Write(data[last:e.start])
		buf.WriteString(e.text)
		last = e.end
	}
	buf.Write(data[last:])
	return buf.Bytes(), imports, nil
}
