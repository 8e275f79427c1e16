package settings

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// Excluder compiles c.Exclude into a predicate on absolute file names;
// nil when nothing is excluded.
func (c Config) Excluder() (func(string) bool, error) {
	if len(c.Exclude) == 0 {
		return nil, nil
	}
	var globs []*regexp.Regexp
	for _, g := range c.Exclude {
		re, err := compileGlob(g)
		if err != nil {
			return nil, err
		}
		globs = append(globs, re)
	}
	dir := c.Dir
	return func(name string) bool {
		rel := name
		if dir != "" {
			r, err := filepath.Rel(dir, name)
			if err != nil || strings.HasPrefix(r, "..") {
				return false
			}
			rel = r
		}
		rel = filepath.ToSlash(rel)
		for _, re := range globs {
			if re.MatchString(rel) {
				return true
			}
		}
		return false
	}, nil
}

// CheckGlob reports whether g is a valid exclude pattern.
func CheckGlob(g string) error {
	_, err := compileGlob(g)
	return err
}

// compileGlob turns a path glob into a regexp: "**" matches any number of
// path elements, "*" and "?" stay within one element, and a match of a
// leading directory covers everything below it.
func compileGlob(g string) (*regexp.Regexp, error) {
	g = strings.TrimPrefix(filepath.ToSlash(g), "./")
	if g == "" {
		return nil, fmt.Errorf("empty exclude pattern")
	}
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(g); i++ {
		switch c := g[i]; {
		case strings.HasPrefix(g[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case strings.HasPrefix(g[i:], "**"):
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("(?:/.*)?$")
	re, err := regexp.Compile(strings.Replace(b.String(), "/(?:/.*)?$", "(?:/.*)?$", 1))
	if err != nil {
		return nil, fmt.Errorf("bad exclude pattern %q: %v", g, err)
	}
	return re, nil
}
