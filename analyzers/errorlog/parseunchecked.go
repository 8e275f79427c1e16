package errorlog

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// parse-unchecked: `n, _ := strconv.Atoi(s)` where s comes from outside
// the program (a request, the environment, a flag, a read). The zero value
// replaces a malformed input without a trace: "10s" as a count becomes 0,
// "yes" as a bool becomes false. A constant input cannot be malformed,
// and an input the function validated first (a regexp match, an earlier
// checked parse of the same value) is known good.

// parseFuncs are the standard parses whose error is the only sign that the
// input was malformed, by package path and name, with the index of the
// parsed string among their parameters.
var parseFuncs = map[[2]string]int{
	{"strconv", "Atoi"}:            0,
	{"strconv", "ParseInt"}:        0,
	{"strconv", "ParseUint"}:       0,
	{"strconv", "ParseFloat"}:      0,
	{"strconv", "ParseBool"}:       0,
	{"time", "Parse"}:              1,
	{"time", "ParseInLocation"}:    1,
	{"time", "ParseDuration"}:      0,
	{"net/url", "Parse"}:           0,
	{"net/url", "ParseRequestURI"}: 0,
}

// sourceCalls are the calls whose string result comes from outside: the
// environment, a flag, a read, an HTTP request's form, query or header.
// By package path, receiver type ("" for a function) and name.
var sourceCalls = map[[3]string]string{
	{"os", "", "Getenv"}:                     "os.Getenv",
	{"os", "", "LookupEnv"}:                  "os.LookupEnv",
	{"flag", "", "Arg"}:                      "flag.Arg",
	{"flag", "FlagSet", "Arg"}:               "FlagSet.Arg",
	{"net/http", "Request", "FormValue"}:     "Request.FormValue",
	{"net/http", "Request", "PostFormValue"}: "Request.PostFormValue",
	{"net/http", "Request", "PathValue"}:     "Request.PathValue",
	{"net/url", "Values", "Get"}:             "url.Values.Get",
	{"net/http", "Header", "Get"}:            "http.Header.Get",
	{"bufio", "Scanner", "Text"}:             "Scanner.Text",
	{"bufio", "Scanner", "Bytes"}:            "Scanner.Bytes",
	{"bufio", "Reader", "ReadString"}:        "Reader.ReadString",
	{"bufio", "Reader", "ReadBytes"}:         "Reader.ReadBytes",
	{"bufio", "Reader", "ReadLine"}:          "Reader.ReadLine",
	{"io", "", "ReadAll"}:                    "io.ReadAll",
	{"os", "", "ReadFile"}:                   "os.ReadFile",
}

// checkParseUnchecked reports the parses in fn whose error is assigned
// to _ while their input comes from outside.
func (c *checker) checkParseUnchecked(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok {
				continue
			}
			arg, name := parsedArg(call.Common())
			if arg == nil || !c.errorBlanked(call) || !valueUsed(call) {
				continue
			}
			src := externalSource(arg, map[ssa.Value]bool{}, 0)
			if src == nil || validated(fn, call, src.chain) {
				continue
			}
			if src.param && errorResult(fn.Signature) < 0 {
				continue // a lenient helper: with no error result, zero on bad input is its contract
			}
			if c.commentedDrop(call) || zeroFallback(call) {
				continue
			}
			c.reportParseUnchecked(call, name, src)
		}
	}
}

// zeroFallback reports whether the parse only runs where the value it
// replaces was just found zero, and its result merges with that value:
// `n := r.ContentLength; if n == 0 { n, _ = strconv.ParseInt(h, 10, 64) }`.
// A failed parse yields the zero the variable already held, so nothing is
// lost (caddy's fastcgi transport).
func zeroFallback(call *ssa.Call) bool {
	for _, r := range *call.Referrers() {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			continue
		}
		for _, u := range *ex.Referrers() {
			phi, ok := u.(*ssa.Phi)
			if !ok {
				return false
			}
			for _, e := range phi.Edges {
				if e != ex && testedZeroBefore(call.Block(), e) {
					return true
				}
			}
		}
	}
	return false
}

// testedZeroBefore reports whether b runs only on the true side of a test
// v == 0 (or the false side of v != 0).
func testedZeroBefore(b *ssa.BasicBlock, v ssa.Value) bool {
	for d := b.Idom(); d != nil; d = d.Idom() {
		ifi, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cond, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || cond.Op != token.EQL && cond.Op != token.NEQ {
			continue
		}
		other := cond.Y
		if cond.Y == v {
			other = cond.X
		} else if cond.X != v {
			continue
		}
		if k, ok := other.(*ssa.Const); !ok || k.Value == nil || k.Value.String() != "0" {
			continue
		}
		succ := d.Succs[0]
		if cond.Op == token.NEQ {
			succ = d.Succs[1]
		}
		if len(succ.Preds) == 1 && succ.Dominates(b) {
			return true
		}
	}
	return false
}

// parsedArg returns the string operand of a parse call and the parse's
// name, or nil.
func parsedArg(call *ssa.CallCommon) (ssa.Value, string) {
	f := flow.CalleeFunc(call)
	if f == nil || f.Pkg() == nil || f.Signature().Recv() != nil || call.IsInvoke() {
		return nil, ""
	}
	i, ok := parseFuncs[[2]string{f.Pkg().Path(), f.Name()}]
	if !ok || i >= len(call.Args) {
		return nil, ""
	}
	return call.Args[i], f.Pkg().Name() + "." + f.Name()
}

// errorBlanked reports whether the call's error result is assigned to the
// blank identifier: `v, _ := strconv.Atoi(s)`.
func (c *checker) errorBlanked(call *ssa.Call) bool {
	id := c.errorTarget(call)
	return id != nil && id.Name == "_" && errorResult(call.Common().Signature()) >= 1
}

// valueUsed reports whether the parsed value is used without a check:
// some use is neither a comparison with a constant nor preceded by one
// (`if n, _ := strconv.Atoi(s); n > 0 {...}`, or `if limit > 0 && limit
// <= len(items)`: zero is the explicit "not set").
func valueUsed(call *ssa.Call) bool {
	for _, r := range *call.Referrers() {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			continue
		}
		var guards []*ssa.BasicBlock
		var uses []ssa.Instruction
		for _, u := range *ex.Referrers() {
			if _, debug := u.(*ssa.DebugRef); debug {
				continue
			}
			if constCompare(u) {
				guards = append(guards, u.Block())
				continue
			}
			uses = append(uses, u)
		}
		for _, u := range uses {
			if !dominatedByAny(u.Block(), guards) {
				return true
			}
		}
	}
	return false
}

// constCompare reports whether instr compares a value with a constant,
// or branches on it (a bool tested by an if: on only when it says true).
func constCompare(instr ssa.Instruction) bool {
	if _, ok := instr.(*ssa.If); ok {
		return true
	}
	b, ok := instr.(*ssa.BinOp)
	if !ok {
		return false
	}
	_, kx := b.X.(*ssa.Const)
	_, ky := b.Y.(*ssa.Const)
	switch b.Op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		return kx || ky
	}
	return false
}

// dominatedByAny reports whether some block of guards dominates b, and is
// not b itself (a check in the same block may come after the use).
func dominatedByAny(b *ssa.BasicBlock, guards []*ssa.BasicBlock) bool {
	for _, g := range guards {
		if g != b && g.Dominates(b) {
			return true
		}
	}
	return false
}

// commentedDrop reports whether a comment on the parse's line, or ending
// on the line above, says why the error does not matter ("zero if unset
// or invalid", net/http/cgi): the drop is a documented decision. The
// expectations of analysistest fixtures ("want ...") are not such notes.
func (c *checker) commentedDrop(call *ssa.Call) bool {
	f := c.fileOf(call.Pos())
	if f == nil {
		return false
	}
	line := c.line(call.Pos())
	for _, cg := range f.Comments {
		l := c.line(cg.End())
		if (l == line || l == line-1) && explainsGroup(cg) {
			return true
		}
	}
	return false
}

// source is where a parsed string came from: what to call it in the
// message, where, and the values it went through on the way (for the
// validation check).
type source struct {
	what  string
	param bool // a parameter: the caller's input
	pos   token.Pos
	chain []ssa.Value
}

// externalSource follows v back through conversions, slicing, local
// variables, closures and string-splitting helpers to a value from
// outside, or returns nil (a constant, a field, another function's
// result: nothing says it is unchecked input).
func externalSource(v ssa.Value, seen map[ssa.Value]bool, depth int) *source {
	if v == nil || seen[v] || depth > 16 {
		return nil
	}
	seen[v] = true
	found := func(s *source) *source {
		if s != nil {
			s.chain = append(s.chain, v)
		}
		return s
	}
	switch x := v.(type) {
	case *ssa.Parameter:
		return &source{what: "the parameter " + x.Name(), param: true, pos: x.Pos(), chain: []ssa.Value{v}}
	case *ssa.FreeVar:
		return found(externalSource(flow.BindingOf(x), seen, depth+1))
	case *ssa.Convert:
		return found(externalSource(x.X, seen, depth+1))
	case *ssa.ChangeType:
		return found(externalSource(x.X, seen, depth+1))
	case *ssa.Slice:
		return found(externalSource(x.X, seen, depth+1))
	case *ssa.Index:
		return found(externalSource(x.X, seen, depth+1))
	case *ssa.IndexAddr:
		return found(externalSource(x.X, seen, depth+1))
	case *ssa.Lookup:
		return found(externalSource(x.X, seen, depth+1)) // r.Form["id"]
	case *ssa.FieldAddr:
		if requestPart(x.X) {
			return &source{what: "the request's " + typematch.FieldName(x.X.Type(), x.Field), pos: x.Pos(), chain: []ssa.Value{v}}
		}
	case *ssa.Phi:
		for _, e := range x.Edges {
			if s := externalSource(e, seen, depth+1); s != nil {
				return found(s)
			}
		}
	case *ssa.UnOp:
		if x.Op == token.MUL {
			return found(loadSource(x, seen, depth))
		}
	case *ssa.Alloc:
		return found(externalSource(flow.SingleStore(x), seen, depth+1))
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok {
			return found(callSource(call, seen, depth))
		}
	case *ssa.Call:
		return found(callSource(x, seen, depth))
	}
	return nil
}

// requestPart reports whether v is an *http.Request, or the *url.URL of
// one (r.URL): their fields (r.Form, r.Host, r.URL.Path) are what the
// client sent.
func requestPart(v ssa.Value) bool {
	if typematch.PointerTo(v.Type(), "net/http", "Request") {
		return true
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL || !typematch.PointerTo(v.Type(), "net/url", "URL") {
		return false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	return ok && typematch.PointerTo(fa.X.Type(), "net/http", "Request")
}

// loadSource follows a load: of a local variable, of an element of a
// slice, of a flag's value, or of os.Args.
func loadSource(load *ssa.UnOp, seen map[ssa.Value]bool, depth int) *source {
	switch addr := load.X.(type) {
	case *ssa.Global:
		if addr.Pkg != nil && addr.Pkg.Pkg.Path() == "os" && addr.Name() == "Args" {
			return &source{what: "os.Args", pos: load.Pos()}
		}
		return nil
	case *ssa.UnOp:
		// *p where p is a global holding flag.String's result.
		if g, ok := addr.X.(*ssa.Global); ok && addr.Op == token.MUL {
			if def := flagDefinition(g); def != "" {
				return &source{what: "the flag " + def, pos: load.Pos()}
			}
		}
	case *ssa.Call:
		if def := flagCall(addr.Common()); def != "" {
			return &source{what: "the flag " + def, pos: load.Pos()}
		}
	}
	return externalSource(load.X, seen, depth+1)
}

// flagDefinition returns how the global g was defined when the package's
// initialisation stores a flag.String call in it (var port =
// flag.String(...)) and nothing else, or "". SSA keeps no referrers for
// globals, so init's stores are scanned.
func flagDefinition(g *ssa.Global) string {
	init := g.Pkg.Func("init")
	if init == nil {
		return ""
	}
	def := ""
	for _, b := range init.Blocks {
		for _, ins := range b.Instrs {
			st, ok := ins.(*ssa.Store)
			if !ok || st.Addr != ssa.Value(g) {
				continue
			}
			call, ok := st.Val.(*ssa.Call)
			if !ok {
				return ""
			}
			if def = flagCall(call.Common()); def == "" {
				return ""
			}
		}
	}
	return def
}

// flagCall names a flag.String or FlagSet.String call (whose result
// points at the string the user passed), or "".
func flagCall(call *ssa.CallCommon) string {
	f := flow.CalleeFunc(call)
	if f == nil || f.Pkg() == nil || f.Pkg().Path() != "flag" || f.Name() != "String" {
		return ""
	}
	return "flag." + f.Name()
}

// callSource names a call whose result comes from outside, or follows a
// string helper (strings.TrimSpace, strings.Split, ...) to its operand.
func callSource(call *ssa.Call, seen map[ssa.Value]bool, depth int) *source {
	f := flow.CalleeFunc(call.Common())
	if f == nil || f.Pkg() == nil {
		return nil
	}
	recv := ""
	if r := f.Signature().Recv(); r != nil {
		recv = flow.TypeName(r.Type())
	}
	if what, ok := sourceCalls[[3]string{f.Pkg().Path(), recv, f.Name()}]; ok {
		return &source{what: what, pos: call.Pos()}
	}
	if stringHelper(f) && len(call.Call.Args) > 0 {
		return externalSource(call.Call.Args[0], seen, depth+1)
	}
	return nil
}

// stringHelper reports whether f is a function of strings or bytes that
// returns (pieces of) its first operand: trims, splits, case changes.
func stringHelper(f *types.Func) bool {
	if f.Signature().Recv() != nil {
		return false
	}
	switch f.Pkg().Path() {
	case "strings", "bytes":
	default:
		return false
	}
	switch f.Name() {
	case "TrimSpace", "Trim", "TrimLeft", "TrimRight", "TrimPrefix", "TrimSuffix",
		"ToLower", "ToUpper", "Split", "SplitN", "SplitAfter", "Fields", "Cut", "CutPrefix", "CutSuffix":
		return true
	}
	return false
}

// validated reports whether fn checks the input before the parse: a
// regexp matched it, or a parse of it whose error is checked comes first.
func validated(fn *ssa.Function, parse *ssa.Call, chain []ssa.Value) bool {
	on := map[ssa.Value]bool{}
	for _, v := range chain {
		on[v] = true
	}
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok || call == parse || !b.Dominates(parse.Block()) {
				continue
			}
			if checksInput(call, on) {
				return true
			}
		}
	}
	return false
}

// checksInput reports whether call tests one of the values on: a regexp
// match, or a parse whose error is used.
func checksInput(call *ssa.Call, on map[ssa.Value]bool) bool {
	f := flow.CalleeFunc(call.Common())
	if f == nil || f.Pkg() == nil {
		return false
	}
	args := call.Call.Args
	if f.Pkg().Path() == "regexp" {
		for _, a := range args {
			if on[a] {
				return true
			}
		}
		return false
	}
	a, _ := parsedArg(call.Common())
	if a == nil || !on[a] {
		return false
	}
	ev := errorResultValue(call)
	return ev != nil && hasUses(ev)
}

// reportParseUnchecked reports the parse whose error is blanked.
func (c *checker) reportParseUnchecked(call *ssa.Call, name string, src *source) {
	pos, end := c.callRange(call.Pos())
	where := ""
	if src.pos.IsValid() {
		where = fmt.Sprintf(" (line %d)", c.line(src.pos))
	}
	zero := "its zero value"
	if t, ok := call.Type().(*types.Tuple); ok && t.Len() > 0 {
		zero = "the zero " + types.TypeString(t.At(0).Type(), types.RelativeTo(c.pass.Pkg))
	}
	c.pass.Report(analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: RuleParseUnchecked,
		Message: fmt.Sprintf("the error of %s is assigned to _, but its input comes from %s%s: a malformed value silently becomes %s and the program goes on with it; check the error and report the bad input, or make the fallback explicit",
			name, src.what, where, zero),
	})
}
