package resourceclose

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/reviewlint/reviewlint/analyzers/internal/report/srcfile"
)

// loopBodyFix moves the body of the loop holding a deferred release into a
// function literal called once per iteration, so the defer runs at the end
// of each iteration. It is offered only where the move keeps the meaning:
// the body does not break, continue or goto out of the loop, and either
// the function returns nothing and the body has no return, or the function
// returns just an error and every return in the body returns a non-nil
// error (which the literal hands back to the loop, which returns it).
func loopBodyFix(pass *analysis.Pass, deferPos, acquirePos token.Pos) *analysis.SuggestedFix {
	file := fileAt(pass, deferPos)
	if file == nil {
		return nil
	}
	loop, body, ftype := enclosingLoop(file, deferPos)
	if body == nil || ftype == nil || acquirePos < body.Lbrace || acquirePos > body.Rbrace {
		return nil
	}
	mode, ok := resultMode(pass, ftype)
	if !ok || !movable(pass, body, mode) {
		return nil
	}
	src, err := srcfile.Read(pass, pass.Fset.File(loop.Pos()).Name())
	if err != nil {
		return nil
	}
	text, ok := wrappedBody(pass, src, loop, body, mode)
	if !ok {
		return nil
	}
	return &analysis.SuggestedFix{
		Message:   "move the loop body into a function literal, so the defer runs every iteration",
		TextEdits: []analysis.TextEdit{{Pos: body.Lbrace, End: body.Rbrace + 1, NewText: []byte(text)}},
	}
}

// fileAt returns the file of the package that contains pos.
func fileAt(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// enclosingLoop returns the innermost loop around pos, its body and the
// type of the function it is in.
func enclosingLoop(file *ast.File, pos token.Pos) (ast.Stmt, *ast.BlockStmt, *ast.FuncType) {
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	var loop ast.Stmt
	var body *ast.BlockStmt
	for _, n := range path {
		switch n := n.(type) {
		case *ast.ForStmt:
			if loop == nil {
				loop, body = n, n.Body
			}
		case *ast.RangeStmt:
			if loop == nil {
				loop, body = n, n.Body
			}
		case *ast.FuncLit:
			return loop, body, n.Type
		case *ast.FuncDecl:
			return loop, body, n.Type
		}
	}
	return nil, nil, nil
}

// The shapes of function a loop body can be moved out of.
const (
	voidFunc  = iota // returns nothing
	errorFunc        // returns just an error
)

func resultMode(pass *analysis.Pass, ftype *ast.FuncType) (int, bool) {
	if ftype.Results == nil || len(ftype.Results.List) == 0 {
		return voidFunc, true
	}
	if ftype.Results.NumFields() == 1 && types.Identical(pass.TypesInfo.TypeOf(ftype.Results.List[0].Type), types.Universe.Lookup("error").Type()) {
		return errorFunc, true
	}
	return 0, false
}

// movable reports whether body keeps its meaning inside a function
// literal: no goto, no labelled branch, no break or continue of the loop
// itself, no multi-line raw string (re-indenting would change it), and
// returns only as resultMode allows.
func movable(pass *analysis.Pass, body *ast.BlockStmt, mode int) bool {
	ok := true
	var walk func(n ast.Node, loops, breakables int, ifs []*ast.IfStmt)
	walk = func(n ast.Node, loops, breakables int, ifs []*ast.IfStmt) {
		ast.Inspect(n, func(c ast.Node) bool {
			if !ok || c == nil || c == n {
				return ok
			}
			switch c := c.(type) {
			case *ast.FuncLit:
				return false // its returns and branches are its own
			case *ast.ForStmt, *ast.RangeStmt:
				walk(c, loops+1, breakables+1, ifs)
				return false
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				walk(c, loops, breakables+1, ifs)
				return false
			case *ast.IfStmt:
				walk(c.Body, loops, breakables, append(ifs, c))
				if c.Init != nil {
					walk(c.Init, loops, breakables, ifs)
				}
				if c.Else != nil {
					walk(c.Else, loops, breakables, ifs)
				}
				return false
			case *ast.BranchStmt:
				switch {
				case c.Label != nil, c.Tok == token.GOTO:
					ok = false
				case c.Tok == token.CONTINUE && loops == 0, c.Tok == token.BREAK && breakables == 0:
					ok = false
				}
			case *ast.ReturnStmt:
				ok = mode == errorFunc && len(c.Results) == 1 && nonNilError(pass, c.Results[0], ifs)
			case *ast.BasicLit:
				if c.Kind == token.STRING && strings.HasPrefix(c.Value, "`") && strings.Contains(c.Value, "\n") {
					ok = false
				}
			}
			return ok
		})
	}
	walk(body, 0, 0, nil)
	return ok
}

// nonNilError reports whether a returned expression is certainly a non-nil
// error: a new error (errors.New, fmt.Errorf), or the variable the nearest
// enclosing if just tested with "!= nil".
func nonNilError(pass *analysis.Pass, e ast.Expr, ifs []*ast.IfStmt) bool {
	switch e := e.(type) {
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(pass.TypesInfo, e).(*types.Func)
		return fn != nil && (fn.FullName() == "errors.New" || fn.FullName() == "fmt.Errorf")
	case *ast.Ident:
		if len(ifs) == 0 {
			return false
		}
		cond, ok := ifs[len(ifs)-1].Cond.(*ast.BinaryExpr)
		if !ok || cond.Op != token.NEQ {
			return false
		}
		x, ok := cond.X.(*ast.Ident)
		return ok && pass.TypesInfo.Uses[x] == pass.TypesInfo.Uses[e] && pass.TypesInfo.Uses[e] != nil && isNilIdent(pass, cond.Y)
	}
	return false
}

func isNilIdent(pass *analysis.Pass, e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := pass.TypesInfo.Uses[id].(*types.Nil)
	return isNil
}

// wrappedBody is the loop body's new text: the old statements, indented
// one level more, inside a function literal called in place.
func wrappedBody(pass *analysis.Pass, src []byte, loop ast.Stmt, body *ast.BlockStmt, mode int) (string, bool) {
	tf := pass.Fset.File(body.Lbrace)
	lb, rb := tf.Offset(body.Lbrace), tf.Offset(body.Rbrace)
	if lb >= rb || rb > len(src) {
		return "", false
	}
	inner := strings.TrimRight(strings.TrimPrefix(string(src[lb+1:rb]), "\n"), " \t")
	var stmts strings.Builder
	for _, line := range strings.SplitAfter(inner, "\n") {
		if strings.TrimSpace(line) != "" {
			stmts.WriteString("\t")
		}
		stmts.WriteString(line)
	}
	loopLine := tf.LineStart(tf.Line(loop.Pos()))
	in := string(src[tf.Offset(loopLine):tf.Offset(loop.Pos())])
	if strings.TrimSpace(in) != "" {
		return "", false // the loop does not start its line
	}
	var b strings.Builder
	b.WriteString("{\n")
	switch mode {
	case voidFunc:
		b.WriteString(in + "\tfunc() {\n" + stmts.String() + in + "\t}()\n")
	case errorFunc:
		b.WriteString(in + "\tif err := func() error {\n" + stmts.String() + in + "\t\treturn nil\n" + in + "\t}(); err != nil {\n" + in + "\t\treturn err\n" + in + "\t}\n")
	}
	b.WriteString(in + "}")
	return b.String(), true
}
