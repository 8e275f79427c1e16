package errorlog

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"go/version"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
)

// wrap-verb is reported only where the flattening matters: when code
// inspects the error up the stack (errors.Is, errors.As, a comparison, a
// type assertion) and the error it inspects may carry a cause that a
// fmt.Errorf flattened with %v. A %v in an operator-facing message that
// nothing inspects (config validation, startup, a protocol parse) loses
// nothing. The flattening function's side is a contract fact (Flattened,
// carried through functions that return the error on), the inspection is
// found at the caller: reported at the fmt.Errorf when it is in the same
// package (with the fix), else at the inspection.

// flatSite is a fmt.Errorf call that formats an error operand with %v or
// %s and has no %w.
type flatSite struct {
	call *ast.CallExpr
	i    int
	v    fmtVerb
	arg  ast.Expr
}

// flatSites returns the package's flattening fmt.Errorf calls by the
// position of their '(' (an SSA call's position).
func (c *checker) flatSites() map[token.Pos]flatSite {
	out := map[token.Pos]flatSite{}
	in := c.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	in.Preorder([]ast.Node{(*ast.CallExpr)(nil)}, func(n ast.Node) {
		call := n.(*ast.CallExpr)
		if !c.isErrorf(call) || call.Ellipsis.IsValid() || len(call.Args) < 2 || !c.wrapsAllowed(call.Pos()) {
			return
		}
		tv, ok := c.pass.TypesInfo.Types[call.Args[0]]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return
		}
		verbs, ok := parseVerbs(constant.StringVal(tv.Value))
		if !ok || len(verbs) != len(call.Args)-1 || hasWrap(verbs) {
			return
		}
		for i, v := range verbs {
			arg := call.Args[i+1]
			if (v.verb != 'v' && v.verb != 's') || v.flags != "" || !c.isErrorOperand(arg) {
				continue
			}
			out[call.Lparen] = flatSite{call: call, i: i, v: v, arg: arg}
			return // one per call; its fix turns this verb into %w
		}
	})
	return out
}

// isErrorf reports whether call calls fmt.Errorf.
func (c *checker) isErrorf(call *ast.CallExpr) bool {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return false
	}
	fn, ok := c.pass.TypesInfo.Uses[id].(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" && fn.Name() == "Errorf"
}

// wrapsAllowed reports whether the file's Go version has %w (Go 1.13). An
// unknown version is taken as current.
func (c *checker) wrapsAllowed(pos token.Pos) bool { return c.goAtLeast(pos, "go1.13") }

// goAtLeast reports whether the Go version of pos's file is at least
// want. An unknown version is taken as current.
func (c *checker) goAtLeast(pos token.Pos, want string) bool {
	v := ""
	if f := c.fileOf(pos); f != nil {
		v = c.pass.TypesInfo.FileVersions[f]
	}
	if v == "" {
		v = c.pass.Pkg.GoVersion()
	}
	return v == "" || version.Compare(v, want) >= 0
}

// isErrorOperand reports whether e's static type is an error (interface or
// a concrete type implementing error). err.Error() is a string: formatting
// it is how code hides a cause on purpose, and is not reported.
func (c *checker) isErrorOperand(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Type == nil || tv.IsNil() {
		return false
	}
	return implementsError(tv.Type)
}

// reportWrapVerb reports the flattening site, inspected at insp, with a
// fix that turns the verb into %w.
func (c *checker) reportWrapVerb(site flatSite, how string, insp token.Pos) {
	msg := fmt.Sprintf("fmt.Errorf formats the error %s with %%%c, which flattens it to text, and %s (line %d) inspects the error it becomes: it cannot see this cause; use %%w",
		c.exprString(site.arg), site.v.verb, how, c.line(insp))
	call := site.call
	d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Category: RuleWrapVerb, Message: msg,
		Related: []analysis.RelatedInformation{{Pos: insp, End: insp, Message: "inspected here"}}}
	// %w of a nil error prints "%!w(<nil>)" where %v printed "<nil>":
	// the fix is offered only where the operand was tested non-nil.
	if c.knownNonNil(call, site.arg) {
		if fix := wrapVerbFix(call.Args[0], site.i); fix != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
	}
	c.pass.Report(d)
}

// wrapVerbFix rewrites verb i in a string literal format to %w. It edits
// the literal's source text, so it needs the verbs found in the source
// text to be those of the value (no escapes spelling a %).
func wrapVerbFix(format ast.Expr, i int) *analysis.SuggestedFix {
	lit, ok := ast.Unparen(format).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return nil
	}
	val, err := strconv.Unquote(lit.Value)
	if err != nil {
		return nil
	}
	want, ok1 := parseVerbs(val)
	got, ok2 := parseVerbs(lit.Value)
	if !ok1 || !ok2 || len(want) != len(got) || i >= len(got) {
		return nil
	}
	for k := range want {
		if want[k] != got[k].withOffset(want[k].offset) {
			return nil
		}
	}
	at := lit.Pos() + token.Pos(got[i].offset)
	return &analysis.SuggestedFix{
		Message:   "Wrap the error with %w",
		TextEdits: []analysis.TextEdit{{Pos: at, End: at + 1, NewText: []byte("w")}},
	}
}

// exprString renders e for a message.
func (c *checker) exprString(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 40 {
		return "operand"
	}
	return s
}

// fmtVerb is one formatting directive that consumes an operand.
type fmtVerb struct {
	verb  rune
	flags string
	// offset is the byte offset of the verb letter in the format.
	offset int
}

// withOffset returns v at another offset, for comparing verb sequences.
func (v fmtVerb) withOffset(off int) fmtVerb { v.offset = off; return v }

// hasWrap reports whether verbs include %w.
func hasWrap(verbs []fmtVerb) bool {
	for _, v := range verbs {
		if v.verb == 'w' {
			return true
		}
	}
	return false
}

// parseVerbs lists the directives of a printf format that consume an
// operand. It gives up (false) on explicit argument indexes and '*'
// widths, which make the operand mapping harder than it is worth here.
func parseVerbs(format string) ([]fmtVerb, bool) {
	var out []fmtVerb
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		start := i
		for i < len(format) && isFlagOrWidth(format[i]) {
			if format[i] == '[' || format[i] == '*' {
				return nil, false
			}
			i++
		}
		if i >= len(format) {
			return nil, false
		}
		if format[i] == '%' && i == start {
			continue // %%
		}
		// Flags lead; a 0 after a width digit is part of the width.
		flags := ""
		for _, ch := range format[start:i] {
			if ch != '+' && ch != '#' && ch != '-' && ch != ' ' && ch != '0' {
				break
			}
			flags += string(ch)
		}
		out = append(out, fmtVerb{verb: rune(format[i]), flags: flags, offset: i})
	}
	return out, true
}

// isFlagOrWidth reports whether b may sit between % and the verb.
func isFlagOrWidth(b byte) bool {
	return b == '+' || b == '-' || b == '#' || b == ' ' || b == '0' || b == '.' || b == '[' || b == '*' || (b >= '1' && b <= '9')
}

// knownNonNil reports whether arg is a variable that an enclosing
// `if arg != nil` (or the else of `if arg == nil`) has tested.
func (c *checker) knownNonNil(call *ast.CallExpr, arg ast.Expr) bool {
	id, ok := ast.Unparen(arg).(*ast.Ident)
	if !ok {
		return false
	}
	obj := c.pass.TypesInfo.Uses[id]
	f := c.fileOf(call.Pos())
	if obj == nil || f == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(f, call.Pos(), call.End())
	for i, n := range path {
		ifs, ok := n.(*ast.IfStmt)
		if !ok || i == 0 {
			continue
		}
		bin, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || !isNilIdent(bin.Y) {
			continue
		}
		x, ok := ast.Unparen(bin.X).(*ast.Ident)
		if !ok || c.pass.TypesInfo.Uses[x] != obj {
			continue
		}
		inBody := path[i-1] == ast.Node(ifs.Body)
		inElse := ifs.Else != nil && path[i-1] == ifs.Else
		if bin.Op == token.NEQ && inBody || bin.Op == token.EQL && inElse {
			return true
		}
	}
	return false
}
