package errorlog

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// Structured loggers take their fields as a variadic key/value list:
// slog.Info(msg, "user", id), zap's Infow, logr's Info, hclog's Info. The
// list is read in pairs at run time, so a missing value or a missing key
// shifts every pair after it, and the compiler cannot tell. vet's slog
// check sees only direct calls of log/slog with the arguments written
// out; here the list is read on SSA (the array the compiler builds for
// the variadic call), for the APIs of four libraries, and through a
// project's wrappers: a function whose ...any parameter is forwarded as
// such a list is summarised (logsErrorFact.KV), so its callers' lists are
// checked as the library's.

// kvStyle is how an API reads its key/value list.
type kvStyle uint8

const (
	kvNone kvStyle = iota
	// kvSlog: log/slog, a string key and its value, or a slog.Attr alone.
	kvSlog
	// kvZap: zap's SugaredLogger, a string key and its value, or a
	// zap.Field or an error alone (sweetenFields).
	kvZap
	// kvLogr: go-logr/logr, a string key and its value.
	kvLogr
	// kvHclog: hashicorp/go-hclog, a key (formatted with %s) and its
	// value; an odd list may end with a CapturedStacktrace.
	kvHclog
)

// library names the style's library in messages.
func (k kvStyle) library() string {
	return [...]string{"", "log/slog", "zap", "logr", "hclog"}[k]
}

// missingValue is what the library does with a key that has no value.
func (k kvStyle) missingValue() string {
	switch k {
	case kvSlog:
		return "slog logs it as a value under !BADKEY"
	case kvZap:
		return "zap drops it and logs an error instead"
	case kvHclog:
		return "hclog logs it as a value under EXTRA_VALUE_AT_END"
	}
	return "the sink logs a malformed list (zapr panics in development mode)"
}

// kvAPIs says, per package, which functions and methods (by receiver
// type name, "" for package functions) read their variadic ...any as a
// key/value list.
var kvAPIs = map[string]func(recv, name string) kvStyle{
	"log/slog": func(recv, name string) kvStyle {
		switch {
		case (recv == "" || recv == "Logger") && (isLevelName(name, "Debug", "Info", "Warn", "Error") || name == "Log" || name == "With"),
			recv == "" && name == "Group", recv == "Record" && name == "Add":
			return kvSlog
		}
		return kvNone
	},
	"go.uber.org/zap": func(recv, name string) kvStyle {
		if recv != "SugaredLogger" {
			return kvNone
		}
		switch name {
		case "Debugw", "Infow", "Warnw", "Errorw", "DPanicw", "Panicw", "Fatalw", "Logw", "With", "WithLazy":
			return kvZap
		}
		return kvNone
	},
	"github.com/go-logr/logr": func(recv, name string) kvStyle {
		if (recv == "Logger" || recv == "LogSink") && (name == "Info" || name == "Error" || name == "WithValues") {
			return kvLogr
		}
		return kvNone
	},
	"github.com/hashicorp/go-hclog": func(recv, name string) kvStyle {
		if recv == "Logger" && (isLevelName(name, "Trace", "Debug", "Info", "Warn", "Error", "Log") || name == "With") {
			return kvHclog
		}
		return kvNone
	},
}

// kvAPIStyle returns the style of call's key/value list when the callee
// is one of kvAPIs with a variadic ...any.
func kvAPIStyle(call *ssa.CallCommon) kvStyle {
	f := flow.CalleeFunc(call)
	if f == nil || f.Pkg() == nil || !variadicAny(f.Signature()) {
		return kvNone
	}
	api, ok := kvAPIs[f.Pkg().Path()]
	if !ok {
		return kvNone
	}
	return api(flow.RecvName(f), f.Name())
}

// variadicAny reports whether sig's last parameter is ...any (or
// ...interface{}).
func variadicAny(sig *types.Signature) bool {
	if !sig.Variadic() || sig.Params().Len() == 0 {
		return false
	}
	sl, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice)
	if !ok {
		return false
	}
	it, ok := sl.Elem().Underlying().(*types.Interface)
	return ok && it.Empty()
}

// kvCall returns the style of call's key/value list, from the API or
// from a wrapper's fact, and whether the callee is the API itself.
func (s *logging) kvCall(call *ssa.CallCommon) (kvStyle, bool) {
	if k := kvAPIStyle(call); k != kvNone {
		return k, true
	}
	if k := s.summary(call).KV; k != kvNone && len(call.Args) > 0 {
		return k, false
	}
	return kvNone, false
}

// forwardedKV returns the style of the key/value list fn's variadic ...any
// parameter is forwarded into: handed on as it is (l.Infow(msg, kv...)),
// or appended to or after a well-formed list of the function's own
// (append([]any{"component", c}, kv...)).
func (s *logging) forwardedKV(fn *ssa.Function) kvStyle {
	if !variadicAny(fn.Signature) || len(fn.Params) == 0 {
		return kvNone
	}
	p := fn.Params[len(fn.Params)-1]
	var style kvStyle
	anyCall(fn, func(call *ssa.CallCommon) bool {
		k, _ := s.kvCall(call)
		if k == kvNone || len(call.Args) == 0 {
			return false
		}
		if forwards(call.Args[len(call.Args)-1], p, k) {
			style = k
			return true
		}
		return false
	})
	return style
}

// forwards reports whether the list arg is the parameter p, or an append
// of p and a well-formed list of known elements (in either order).
func forwards(arg ssa.Value, p *ssa.Parameter, k kvStyle) bool {
	if arg == p {
		return true
	}
	call, ok := arg.(*ssa.Call)
	if !ok {
		return false
	}
	b, ok := call.Call.Value.(*ssa.Builtin)
	if !ok || b.Name() != "append" || len(call.Call.Args) != 2 {
		return false
	}
	x, y := call.Call.Args[0], call.Call.Args[1]
	if x != p && y != p {
		return false
	}
	other := x
	if x == p {
		other = y
	}
	elems, ok := knownList(other)
	if !ok {
		return false
	}
	problem, read := walkKV(k, elems)
	return problem == nil && read
}

// knownList returns the elements of a variadic slice when every one is
// known: the slice of an array built for the call (or a slice literal)
// whose elements are each stored once and used nowhere else, or the nil
// slice of a call with no variadic arguments.
func knownList(v ssa.Value) ([]ssa.Value, bool) {
	if k, ok := v.(*ssa.Const); ok && k.IsNil() {
		return nil, true
	}
	sl, ok := v.(*ssa.Slice)
	if !ok || sl.Low != nil || sl.High != nil || sl.Max != nil {
		return nil, false
	}
	for _, r := range *sl.Referrers() {
		switch r.(type) {
		case ssa.CallInstruction, *ssa.DebugRef:
		default:
			return nil, false // indexed or stored: its elements may change
		}
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	at, ok := arr.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Array)
	if !ok {
		return nil, false
	}
	elems := make([]ssa.Value, at.Len())
	for _, r := range *arr.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Slice:
			if r != sl {
				return nil, false // sliced again: another list shares the array
			}
		case *ssa.IndexAddr:
			idx, ok := r.Index.(*ssa.Const)
			if !ok {
				return nil, false
			}
			i, ok := constant.Int64Val(constant.ToInt(idx.Value))
			if !ok || i < 0 || i >= int64(len(elems)) {
				return nil, false
			}
			for _, u := range *r.Referrers() {
				st, ok := u.(*ssa.Store)
				if !ok || st.Addr != r || elems[i] != nil {
					return nil, false
				}
				elems[i] = st.Val
			}
		default:
			return nil, false
		}
	}
	for _, e := range elems {
		if e == nil {
			return nil, false
		}
	}
	return elems, true
}

// kvRole is what an element at a key position is to the library.
type kvRole uint8

const (
	roleKey     kvRole = iota // a key: its value follows
	roleAlone                 // a field by itself: an Attr, a zap.Field
	roleUnknown               // an interface that may hold either: the rest cannot be aligned
	roleNotKey                // neither
)

// elemType is the static type of a list element before its conversion
// to any.
func elemType(v ssa.Value) types.Type {
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return v.X.Type()
	case *ssa.ChangeInterface:
		return v.X.Type()
	}
	return v.Type()
}

// keyRole classifies an element of type t at a key position; last says
// whether it ends the list.
func keyRole(k kvStyle, t types.Type, last bool) kvRole {
	if it, ok := t.Underlying().(*types.Interface); ok {
		switch {
		case it.Empty():
			return roleUnknown
		case types.Implements(t, errorIface):
			if k == kvZap {
				return roleAlone // sweetenFields consumes an error as zap.Error
			}
			return roleNotKey // neither a string nor an Attr is an error
		}
		return roleUnknown
	}
	if b, ok := t.(*types.Basic); ok && b.Info()&types.IsString != 0 {
		return roleKey
	}
	switch k {
	case kvSlog:
		if typematch.Named(t, "log/slog", "Attr") {
			return roleAlone
		}
	case kvZap:
		if typematch.Named(t, "go.uber.org/zap/zapcore", "Field") || typematch.Named(t, "go.uber.org/zap", "Field") || types.Implements(t, errorIface) {
			return roleAlone
		}
	case kvLogr:
		if typematch.Named(t, "log/slog", "Attr") || typematch.Named(t, "go.uber.org/zap/zapcore", "Field") {
			return roleUnknown // a slog or zapr sink may take it alone
		}
	case kvHclog:
		if typematch.Named(t, "github.com/hashicorp/go-hclog", "CapturedStacktrace") && last {
			return roleAlone // hclog takes a trailing stack trace off an odd list
		}
		if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			return roleKey // formatted with %s: a named string type is its text
		}
	}
	return roleNotKey
}

// kvProblem is the first misplaced element of a list.
type kvProblem struct {
	index int
	// missingValue: the element is a key and ends the list; otherwise it
	// is not a key where one belongs.
	missingValue bool
}

// walkKV reads elems as style k reads them and returns the first
// problem, or nil; read says whether every element was read (an element
// of unknown role makes the rest unreadable).
func walkKV(k kvStyle, elems []ssa.Value) (p *kvProblem, read bool) {
	for i := 0; i < len(elems); {
		last := i == len(elems)-1
		switch keyRole(k, elemType(elems[i]), last) {
		case roleUnknown:
			return nil, false
		case roleAlone:
			i++
		case roleKey:
			if last {
				return &kvProblem{index: i, missingValue: true}, true
			}
			i += 2
		case roleNotKey:
			return &kvProblem{index: i}, true
		}
	}
	return nil, true
}

// checkKV reports structured logging calls in fn whose key/value list
// has a key without a value or a non-key where a key belongs. Direct
// calls of log/slog are vet's (its slog check); their wrappers are ours.
func (c *checker) checkKV(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			ci, ok := ins.(ssa.CallInstruction)
			if !ok {
				continue
			}
			call := ci.Common()
			k, direct := c.logs.kvCall(call)
			if k == kvNone || (direct && k == kvSlog) || len(call.Args) == 0 {
				continue
			}
			elems, ok := knownList(call.Args[len(call.Args)-1])
			if !ok {
				continue
			}
			if p, _ := walkKV(k, elems); p != nil {
				c.reportKV(call, k, direct, elems, p)
			}
		}
	}
}

// reportKV reports problem p of call's list.
func (c *checker) reportKV(call *ssa.CallCommon, k kvStyle, direct bool, elems []ssa.Value, p *kvProblem) {
	name := calleeName(call)
	if call.IsInvoke() {
		name = flow.RecvName(call.Method) + "." + call.Method.Name()
	}
	if !direct {
		name += " (forwarded to " + k.library() + ")"
	}
	pos, end := c.callRange(call.Pos())
	arg := c.variadicArg(call, len(elems), p.index)
	if arg != nil {
		pos, end = arg.Pos(), arg.End()
	}
	what := c.describeElem(elems[p.index], arg)
	var msg string
	switch {
	case p.missingValue:
		msg = fmt.Sprintf("the key/value list of %s has an odd length: it ends with %s at a key position and no value after it, so %s; add the missing key or value",
			name, what, k.missingValue())
	case p.index == len(elems)-1:
		msg = fmt.Sprintf("the key/value list of %s has an odd length: it ends with %s, a value without a key (%s is not a string key), so %s; add a string key before it",
			name, what, c.typeString(elemType(elems[p.index])), k.missingValue())
	default:
		msg = fmt.Sprintf("the key/value list of %s has %s (%s) where a string key belongs, so it and every value after it are paired with the wrong keys; add a string key before it",
			name, what, c.typeString(elemType(elems[p.index])))
	}
	c.pass.Report(analysis.Diagnostic{Pos: pos, End: end, Category: RuleLogKVOdd, Message: msg})
}

// variadicArg returns the syntax of element i of call's variadic list of
// n elements, when the call writes them out.
func (c *checker) variadicArg(call *ssa.CallCommon, n, i int) ast.Expr {
	f := c.fileOf(call.Pos())
	if f == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(f, call.Pos(), call.Pos())
	for _, node := range path {
		ce, ok := node.(*ast.CallExpr)
		if !ok || ce.Lparen != call.Pos() {
			continue
		}
		fixed := call.Signature().Params().Len() - 1
		if ce.Ellipsis.IsValid() || len(ce.Args) != fixed+n {
			return nil
		}
		return ce.Args[fixed+i]
	}
	return nil
}

// describeElem names an element for a message: by its expression, else
// a constant by its value, else by its type.
func (c *checker) describeElem(v ssa.Value, arg ast.Expr) string {
	if arg != nil {
		s := types.ExprString(arg)
		if len(s) > 40 {
			s = s[:37] + "..."
		}
		return s
	}
	if mi, ok := v.(*ssa.MakeInterface); ok {
		if k, ok := mi.X.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
			return strconv.Quote(constant.StringVal(k.Value))
		}
	}
	return "a value of type " + c.typeString(elemType(v))
}

// typeString renders t relative to the analysed package.
func (c *checker) typeString(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == c.pass.Pkg {
			return ""
		}
		return p.Name()
	})
}
