package config

import (
	"cmp"
	"encoding"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/reviewlint/reviewlint/analyzers/settings"
)

// settings decodes each analyzer's block into its field of
// settings.Settings, found by yaml tag so that a new analyzer or setting
// needs no change here.
func (l *loader) settings(e entry, cfg *settings.Config) error {
	entries, err := l.mapping(e.value, e.name, "a map from analyzer name to its settings")
	if err != nil {
		return err
	}
	all := reflect.ValueOf(&cfg.Settings).Elem()
	for _, s := range entries {
		field, ok := fieldByYAMLName(all.Type(), s.name)
		if !ok {
			l.note(l.errAt(s.key, e.name, "unknown key %q", s.name))
			continue
		}
		dst := all.FieldByIndex(field.Index).Addr().Interface()
		l.note(l.analyzerSettings(s, e.name+"."+s.name, dst))
	}
	return nil
}

// analyzerSettings decodes one analyzer's block strictly into dst, which
// holds the defaults; keys the block leaves out keep them.
func (l *loader) analyzerSettings(e entry, key string, dst any) error {
	v, err := l.resolve(e.value, key)
	if err != nil || isNull(v) {
		return err
	}
	if _, err := l.mapping(v, key, "a map of "+e.name+" settings"); err != nil {
		return err
	}
	if err := l.checkKeys(v, key, reflect.TypeOf(dst).Elem()); err != nil {
		return err
	}
	if err := yaml.NodeToValue(v, dst, yaml.DisallowUnknownField()); err != nil {
		return l.decodeError(v, key, err)
	}
	if c, ok := dst.(validator); ok {
		if err := c.Validate(); err != nil {
			return l.settingErrors(v, key, err)
		}
	}
	return nil
}

// settingErrors places each of an analyzer's Validate errors (joined with
// errors.Join) at the value it names (a *settings.SettingError carries
// the key path below the block), or at the block; in document order.
func (l *loader) settingErrors(block ast.Node, key string, err error) error {
	all := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		all = j.Unwrap()
	}
	var errs Errors
	for _, err := range all {
		at, k, msg := block, key, err.Error()
		var se *settings.SettingError
		if errors.As(err, &se) {
			at, k, msg = l.nodeAt(block, se.Key), key+"."+se.Key, se.Err.Error()
		}
		line, col := position(at)
		errs = append(errs, &Error{File: l.file, Line: line, Column: col, Key: k, Msg: msg, err: err})
	}
	slices.SortStableFunc(errs, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	if len(errs) == 1 {
		return errs[0]
	}
	return errs
}

// validator is an analyzer's settings that check their own values (the
// decoder checks only their shape).
type validator interface{ Validate() error }

// checkKeys rejects, in document order, every key in n that names no
// field of the struct type t it decodes into, and the first duplicate key
// of each map. The decoder checks both too, but without the key path, only
// the first, and in map order, so the same file could give a different
// error each run. Aliases are not followed: what they name is checked
// where it is written.
func (l *loader) checkKeys(n ast.Node, key string, t reflect.Type) error {
	var errs Errors
	l.collectKeyErrors(n, key, t, &errs)
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errs
}

// collectKeyErrors is checkKeys' walk, appending to errs.
func (l *loader) collectKeyErrors(n ast.Node, key string, t reflect.Type, errs *Errors) {
	t = plainType(t)
	switch v := unwrap(n).(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		entries, err := l.mapping(v, key, "a map")
		if err != nil {
			*errs = append(*errs, asError(l.file, err))
			return
		}
		for _, e := range entries {
			var vt reflect.Type
			switch {
			case t == nil:
			case t.Kind() == reflect.Struct:
				f, ok := fieldByYAMLName(t, e.name)
				if !ok {
					*errs = append(*errs, l.errAt(e.key, key, "unknown key %q", e.name))
					continue
				}
				vt = f.Type
			case t.Kind() == reflect.Map:
				vt = t.Elem()
			}
			l.collectKeyErrors(e.value, key+"."+e.name, vt, errs)
		}
	case *ast.SequenceNode:
		var et reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			et = t.Elem()
		}
		for i, item := range v.Values {
			l.collectKeyErrors(item, key+"["+strconv.Itoa(i)+"]", et, errs)
		}
	}
}

// unmarshalers are the interfaces through which a type decodes itself; the
// keys such a type accepts are its own business.
var unmarshalers = []reflect.Type{
	reflect.TypeFor[yaml.BytesUnmarshaler](),
	reflect.TypeFor[yaml.BytesUnmarshalerContext](),
	reflect.TypeFor[yaml.InterfaceUnmarshaler](),
	reflect.TypeFor[yaml.InterfaceUnmarshalerContext](),
	reflect.TypeFor[yaml.NodeUnmarshaler](),
	reflect.TypeFor[yaml.NodeUnmarshalerContext](),
	reflect.TypeFor[encoding.TextUnmarshaler](),
}

// plainType returns t without pointers, or nil when there is nothing to
// check keys against: no type, or one that decodes itself.
func plainType(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return nil
	}
	for _, u := range unmarshalers {
		if t.Implements(u) || reflect.PointerTo(t).Implements(u) {
			return nil
		}
	}
	return t
}

// fieldByYAMLName finds the field of struct type t that the YAML key name
// decodes into, naming fields the way goccy does: the yaml tag, else the
// json tag, else the lower-cased field name; ",inline" structs are
// searched too.
func fieldByYAMLName(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if isInline(f) {
			if inner, ok := fieldByYAMLName(plainType(f.Type), name); ok {
				inner.Index = append([]int{i}, inner.Index...)
				return inner, true
			}
			continue
		}
		if f.IsExported() && name != "" && yamlName(f) == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// yamlTag returns the tag goccy reads a field's name from.
func yamlTag(f reflect.StructField) string {
	if tag := f.Tag.Get("yaml"); tag != "" {
		return tag
	}
	return f.Tag.Get("json")
}

// isInline reports whether f's fields are decoded as if they were its
// parent's.
func isInline(f reflect.StructField) bool {
	_, opts, _ := strings.Cut(yamlTag(f), ",")
	t := plainType(f.Type)
	return slices.Contains(strings.Split(opts, ","), "inline") && t != nil && t.Kind() == reflect.Struct
}

// yamlName returns the key a struct field decodes from, or "" for none.
func yamlName(f reflect.StructField) string {
	switch name, _, _ := strings.Cut(yamlTag(f), ","); name {
	case "-":
		return ""
	case "":
		return strings.ToLower(f.Name)
	default:
		return name
	}
}
