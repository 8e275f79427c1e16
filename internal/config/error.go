package config

import (
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// Error is every error this package returns. Line and Column are 1-based and
// zero when the error is about the file as a whole (it cannot be read).
//
// Key is the path of the nearest mapping key above the offending text:
// "disable" for an entry of the disable list, "severity.httpbody" for the
// value of that severity, "settings" for an unknown analyzer name under
// settings, "" for an unknown top-level key or a YAML syntax error.
type Error struct {
	File         string
	Line, Column int
	Key          string
	Msg          string

	err error // the underlying error, for errors.Is and errors.As
}

// Error formats e as FILE:LINE:COL: KEY: MSG, leaving out what is unknown.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the error e was made from, if any.
func (e *Error) Unwrap() error { return e.err }

// Errors is every error found in one file, in document order, when there is
// more than one; errors.As finds each *Error.
type Errors []*Error

// Error formats one error per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// readError reports a file that cannot be read; the path is already in
// e.File, so only the reason is kept.
func readError(path string, err error) *Error {
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	return &Error{File: path, Msg: "cannot read: " + msg, err: err}
}

// syntaxError turns an error from goccy's parser into an *Error at the
// position goccy reports.
func syntaxError(file string, err error) *Error {
	e := &Error{File: file, Msg: err.Error(), err: err}
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		e.Msg = ye.GetMessage()
		e.Line, e.Column = tokenPos(ye.GetToken())
	}
	return e
}

// decodeError turns an error from decoding the settings block n (at path
// key) into a typed struct into an *Error that names the offending key the
// way the rest of the file's errors do.
func (l *loader) decodeError(n ast.Node, key string, err error) *Error {
	var ye yaml.Error
	if !errors.As(err, &ye) || ye.GetToken() == nil {
		line, col := position(n)
		return &Error{File: l.file, Line: line, Column: col, Key: key, Msg: err.Error(), err: err}
	}
	tk := ye.GetToken()
	e := &Error{File: l.file, Key: key, Msg: ye.GetMessage(), err: err}
	e.Line, e.Column = tokenPos(tk)
	if s, ok := locate(n, key, tk); ok {
		e.Key = s.key
		e.Line, e.Column = position(s.node)
	}
	switch te := err.(type) {
	case *yaml.UnknownFieldError:
		e.Msg = fmt.Sprintf("unknown key %q", tk.Value)
	case *yaml.TypeError:
		e.Msg = "want " + goKind(te.DstType)
		if te.SrcType != nil {
			e.Msg += ", got " + goKind(te.SrcType)
		}
	case *yaml.OverflowError:
		e.Msg = fmt.Sprintf("%s is out of range for %s", te.SrcNum, goKind(te.DstType))
	case *yaml.UnexpectedNodeTypeError:
		e.Msg = fmt.Sprintf("want %s, got %s", kindOfType(te.Expected), kindOfType(te.Actual))
	}
	return e
}

// tokenPos returns a token's 1-based line and column.
func tokenPos(tk *token.Token) (line, col int) {
	return tk.Position.Line, tk.Position.Column
}

// goKind describes a Go type in the words a YAML author uses.
func goKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == reflect.TypeFor[time.Duration]() {
		return "a duration such as 30s"
	}
	switch t.Kind() {
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "a map"
	}
	return t.String()
}
