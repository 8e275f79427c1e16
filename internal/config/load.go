package config

import (
	"fmt"
	"os"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/analyzers/settings"
)

// loader turns one file's YAML into a Config. The structure is walked here
// rather than decoded, so that every error points at the offending key or
// value and names it.
type loader struct {
	file    string
	anchors map[string]ast.Node
	// errs collects the errors of independent keys and items, so that one
	// run reports every mistake in the file, not only the first.
	errs []*Error
}

// note records err (an *Error or Errors) and reports whether there was one.
func (l *loader) note(err error) bool {
	if err == nil {
		return false
	}
	if es, ok := err.(Errors); ok {
		l.errs = append(l.errs, es...)
		return true
	}
	l.errs = append(l.errs, asError(l.file, err))
	return true
}

// asError returns err as an *Error of file.
func asError(file string, err error) *Error {
	if e, ok := err.(*Error); ok {
		return e
	}
	return &Error{File: file, Msg: err.Error(), err: err}
}

// decode parses data, the contents of file, on top of the defaults.
func decode(file string, data []byte) (settings.Config, error) {
	cfg := settings.DefaultConfig()
	// Duplicate keys are caught while walking instead, with the key path.
	f, err := parser.ParseBytes(data, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		return cfg, syntaxError(file, err)
	}
	body, err := documentBody(file, f)
	if err != nil || body == nil {
		return cfg, err
	}
	l := &loader{file: file, anchors: anchorsIn(body)}
	l.note(l.document(body, &cfg))
	switch len(l.errs) {
	case 0:
		return cfg, nil
	case 1:
		return cfg, l.errs[0]
	}
	return cfg, Errors(l.errs)
}

// documentBody returns the file's one document, or nil if it is empty.
func documentBody(file string, f *ast.File) (ast.Node, error) {
	var body ast.Node
	for _, doc := range f.Docs {
		if doc.Body == nil {
			continue
		}
		if body != nil {
			e := &Error{File: file, Msg: "want one YAML document, found a second"}
			e.Line, e.Column = position(doc.Body)
			if doc.Start != nil {
				e.Line, e.Column = tokenPos(doc.Start) // the "---"
			}
			return nil, e
		}
		body = doc.Body
	}
	return body, nil
}

// topLevel decodes each top-level key except version, which is checked
// before the others.
var topLevel = map[string]func(*loader, entry, *settings.Config) error{
	"enable":    (*loader).enable,
	"disable":   (*loader).disable,
	"severity":  (*loader).severity,
	"exclude":   (*loader).exclude,
	"generated": (*loader).generated,
	"settings":  (*loader).settings,
}

// document decodes the top-level mapping into cfg.
func (l *loader) document(body ast.Node, cfg *settings.Config) error {
	entries, err := l.mapping(body, "", "a map of reviewlint settings")
	if err != nil {
		return err
	}
	// A file for a later format fails on its version, not on whichever
	// renamed key comes first.
	for _, e := range entries {
		if e.name == "version" {
			if err := l.version(e); err != nil {
				return err
			}
		}
	}
	for _, e := range entries {
		if e.name == "version" {
			continue
		}
		set, ok := topLevel[e.name]
		if !ok {
			l.note(l.errAt(e.key, "", "unknown key %q", e.name))
			continue
		}
		l.note(set(l, e, cfg))
	}
	return nil
}

// version accepts format 1, the only one there is.
func (l *loader) version(e entry) error {
	v, err := l.resolve(e.value, e.name)
	if err != nil || isNull(v) {
		return err
	}
	n, ok := v.(*ast.IntegerNode)
	if !ok {
		return l.errAt(e.value, e.name, "want an integer, got %s", kindOf(v))
	}
	if n.Value != int64(1) && n.Value != uint64(1) {
		return l.errAt(e.value, e.name, "unsupported version %s (want 1)", n.GetToken().Value)
	}
	return nil
}

// enable, disable and exclude decode the lists of the same names.
func (l *loader) enable(e entry, cfg *settings.Config) (err error) {
	cfg.Enable, err = l.stringList(e, "a list of rule IDs or analyzer names", "a rule ID or analyzer name", checkSelector)
	return err
}

func (l *loader) disable(e entry, cfg *settings.Config) (err error) {
	cfg.Disable, err = l.stringList(e, "a list of rule IDs or analyzer names", "a rule ID or analyzer name", checkSelector)
	return err
}

func (l *loader) exclude(e entry, cfg *settings.Config) (err error) {
	cfg.Exclude, err = l.stringList(e, "a list of path globs", "a path glob", checkGlob)
	return err
}

// generated decodes whether findings in generated files are reported.
func (l *loader) generated(e entry, cfg *settings.Config) error {
	v, err := l.resolve(e.value, e.name)
	if err != nil || isNull(v) {
		return err
	}
	b, ok := v.(*ast.BoolNode)
	if !ok {
		return l.errAt(e.value, e.name, "want true or false, got %s", kindOf(v))
	}
	cfg.Generated = b.Value
	return nil
}

// checkSelector rejects a selector that names no rule, family or analyzer.
func checkSelector(s string) error {
	if !analyzers.IsSelector(s) {
		return fmt.Errorf("unknown rule or analyzer %q", s)
	}
	return nil
}

// checkGlob rejects an exclude pattern that analyzers would reject, by the
// same code.
func checkGlob(g string) error {
	return settings.CheckGlob(g)
}

// stringList decodes the list of strings under e, checking each item.
// Null is an empty list.
func (l *loader) stringList(e entry, want, wantItem string, check func(string) error) ([]string, error) {
	v, err := l.resolve(e.value, e.name)
	if err != nil || isNull(v) {
		return nil, err
	}
	seq, ok := v.(*ast.SequenceNode)
	if !ok {
		return nil, l.errAt(pointAt(e, v), e.name, "want %s, got %s", want, kindOf(v))
	}
	// Each bad item is noted and left out; the others still apply.
	var out []string
	for i, item := range seq.Values {
		iv, err := l.resolve(item, e.name)
		if l.note(err) {
			continue
		}
		s, ok := text(iv)
		if !ok {
			l.note(l.errAt(itemAt(seq, i, iv), e.name, "want %s, got %s", wantItem, kindOf(iv)))
			continue
		}
		if err := check(s); err != nil {
			l.note(l.errAt(item, e.name, "%v", err))
			continue
		}
		out = append(out, s)
	}
	return out, nil
}

// severity decodes the map from selector to severity.
func (l *loader) severity(e entry, cfg *settings.Config) error {
	entries, err := l.mapping(e.value, e.name, "a map from rule ID or analyzer name to error, warning or info")
	if err != nil {
		return err
	}
	// Selectors are case-insensitive: "HTTPBody" and "httpbody" would
	// compete for the same rules in no defined order.
	if err := l.noDuplicates(entries, e.name, strings.ToLower); err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	cfg.Severity = make(map[string]analyzers.Severity, len(entries))
	for _, s := range entries {
		if err := checkSelector(s.name); err != nil {
			l.note(l.errAt(s.key, e.name, "%v", err))
			continue
		}
		sev, err := l.severityValue(s, e.name+"."+s.name)
		if l.note(err) {
			continue
		}
		cfg.Severity[s.name] = sev
	}
	return nil
}

// severityValue decodes one of error, warning or info.
func (l *loader) severityValue(e entry, key string) (analyzers.Severity, error) {
	v, err := l.resolve(e.value, key)
	if err != nil {
		return "", err
	}
	name, ok := text(v)
	if !ok {
		return "", l.errAt(pointAt(e, v), key, "want error, warning or info, got %s", kindOf(v))
	}
	sev := analyzers.Severity(name)
	if sev.Rank() == 0 {
		return "", l.errAt(e.value, key, "unknown severity %q (want error, warning or info)", name)
	}
	return sev, nil
}

// errAt returns an *Error positioned at n.
func (l *loader) errAt(n ast.Node, key, format string, args ...any) *Error {
	e := &Error{File: l.file, Key: key, Msg: fmt.Sprintf(format, args...)}
	e.Line, e.Column = position(n)
	return e
}

// SettingError returns the error msg of the setting at key (a path from
// the top of the document: "settings.errorlog.log-functions[2]") in the
// configuration file at path, positioned at the value the key names; for
// settings that an analyzer found wrong after loading (a configured
// function its package does not have). Without a file, or when the file
// no longer reads, the error names the key alone.
func SettingError(path, key, msg string) *Error {
	e := &Error{File: path, Key: key, Msg: msg}
	if path == "" {
		e.File = "settings"
		return e
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return e
	}
	f, err := parser.ParseBytes(data, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		return e
	}
	body, err := documentBody(path, f)
	if err != nil || body == nil {
		return e
	}
	l := &loader{file: path, anchors: anchorsIn(body)}
	e.Line, e.Column = position(l.nodeAt(body, key))
	return e
}
