package errorlog

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
	"github.com/reviewlint/reviewlint/analyzers/internal/report/srcfile"
)

// discarded reports dropped errors that lose written data: Close of a
// file opened for writing, Flush or Close of a writer that buffers or
// finishes its output (bufio, gzip, zlib, flate, zip, tar), Sync of a
// file. Dropping the error of a read-only Close, of fmt.Print*, of
// bytes.Buffer/strings.Builder/hash.Hash writes (which never fail) loses
// nothing and is not reported: that is the noise that buries errcheck's
// findings.

// flushingMethods lists the methods whose error says whether written data
// reached its destination, by package path and receiver type.
var flushingMethods = map[[3]string]bool{
	{"bufio", "Writer", "Flush"}:          true,
	{"compress/gzip", "Writer", "Close"}:  true,
	{"compress/gzip", "Writer", "Flush"}:  true,
	{"compress/zlib", "Writer", "Close"}:  true,
	{"compress/zlib", "Writer", "Flush"}:  true,
	{"compress/flate", "Writer", "Close"}: true,
	{"compress/flate", "Writer", "Flush"}: true,
	{"archive/zip", "Writer", "Close"}:    true,
	{"archive/zip", "Writer", "Flush"}:    true,
	{"archive/tar", "Writer", "Close"}:    true,
	{"archive/tar", "Writer", "Flush"}:    true,
	{"text/tabwriter", "Writer", "Flush"}: true,
}

// checkDiscarded looks at every call and defer of fn.
func (c *checker) checkDiscarded(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			var call *ssa.CallCommon
			deferred := false
			switch ins := ins.(type) {
			case *ssa.Defer:
				call, deferred = ins.Common(), true
			case *ssa.Call:
				if refs := ins.Referrers(); refs != nil && len(*refs) > 0 {
					continue // the result is used
				}
				call = ins.Common()
			default:
				continue
			}
			if what := c.lossyDrop(fn, ins, call); what != "" && !c.documentedBlank(call) {
				c.reportDiscarded(fn, ins, call, what, deferred)
			} else if what := c.stateDrop(fn, call); what != "" && c.isCallStatement(call) {
				c.reportStateDropped(call, what, deferred)
			}
		}
	}
}

// lossyDrop describes the dropped call if its error says whether written
// data was saved, or returns "".
func (c *checker) lossyDrop(fn *ssa.Function, ins ssa.Instruction, call *ssa.CallCommon) string {
	if what := fileWriteDrop(fn, ins, call); what != "" {
		return what
	}
	f := flow.CalleeFunc(call)
	if f == nil || f.Pkg() == nil || f.Signature().Recv() == nil || errorResult(f.Signature()) < 0 {
		return ""
	}
	recv := flow.TypeName(f.Signature().Recv().Type())
	key := [3]string{f.Pkg().Path(), recv, f.Name()}
	if call.IsInvoke() {
		return ""
	}
	if flushingMethods[key] {
		if len(call.Args) == 0 {
			return ""
		}
		if what := c.fieldFlushDrop(fn, call, f.Name()); what != "" {
			return what
		}
		if c.checkedElsewhere(fn, call, f.Name()) || cleanupAfterFailure(fn, call) {
			return ""
		}
		if !ownWriter(fn, call) {
			return ""
		}
		return fmt.Sprintf("%s.%s", recv, f.Name())
	}
	if encodingMethods[key] && len(call.Args) >= 1 {
		if open := encodedFile(call.Args[0]); open != "" && !cleanupAfterFailure(fn, call) {
			return fmt.Sprintf("%s.%s into a file opened with %s", recv, f.Name(), open)
		}
		return ""
	}
	if (key == [3]string{"os", "File", "Close"} || key == [3]string{"os", "File", "Sync"}) && len(call.Args) == 1 {
		// Only files this function opened for writing: Sync of a
		// directory opened read-only is a best-effort durability step,
		// and a file handed in was opened with a mode we cannot see.
		src := receiverSource(call.Args[0])
		if f.Name() == "Sync" {
			if what := c.fieldSyncDrop(fn, call, src); what != "" {
				return what
			}
		}
		open := writableOpen(src)
		closeChecked := f.Name() == "Close" && c.checkedElsewhere(fn, call, "Close")
		if open == "" || closeChecked || c.checkedElsewhere(fn, call, "Sync") || cleanupAfterFailure(fn, call) || removesFile(fn, src) || removedAfter(ins, src) {
			return ""
		}
		if !mayBeWritten(src) {
			return "" // a probe (CreateTemp, Close, Remove): no data to lose
		}
		return f.Name() + " of a file opened with " + open
	}
	return ""
}

// fileWrites write their data straight to a file, unbuffered: by package
// path, receiver type ("" for a function) and name. The file written is
// the first argument (the receiver, for a method).
var fileWrites = map[[3]string]bool{
	{"io", "", "Copy"}:               true,
	{"io", "", "CopyN"}:              true,
	{"io", "", "CopyBuffer"}:         true,
	{"io", "", "WriteString"}:        true,
	{"os", "File", "Write"}:          true,
	{"os", "File", "WriteString"}:    true,
	{"os", "File", "WriteAt"}:        true,
	{"os", "File", "ReadFrom"}:       true,
	{"fmt", "", "Fprint"}:            true,
	{"fmt", "", "Fprintf"}:           true,
	{"fmt", "", "Fprintln"}:          true,
	{"encoding/binary", "", "Write"}: true,
}

// fileWriteDrop describes a dropped write into a file this function opened
// for writing, or returns "". A failed write to an *os.File is reported
// by that write only: Close does not repeat it, so a dropped one leaves
// a short file that every later step takes as complete. Writes to a file
// removed afterwards, or made on the way out of an earlier failure, lose
// nothing the caller keeps.
func fileWriteDrop(fn *ssa.Function, ins ssa.Instruction, call *ssa.CallCommon) string {
	f := flow.CalleeFunc(call)
	if f == nil || f.Pkg() == nil || call.IsInvoke() || errorResult(f.Signature()) < 0 {
		return ""
	}
	if !fileWrites[[3]string{f.Pkg().Path(), recvOf(f), f.Name()}] || len(call.Args) == 0 {
		return ""
	}
	dst := call.Args[0]
	if mi, ok := dst.(*ssa.MakeInterface); ok {
		dst = mi.X
	}
	src := receiverSource(dst)
	open := writableOpen(src)
	if open == "" || cleanupAfterFailure(fn, call) || removesFile(fn, src) || removedAfter(ins, src) {
		return ""
	}
	return fmt.Sprintf("%s into a file opened with %s", funcName(f), open)
}

// encodingMethods write an encoding of their operand to the encoder's
// writer: a dropped error means the file holds a partial or no record.
var encodingMethods = map[[3]string]bool{
	{"encoding/json", "Encoder", "Encode"}: true,
	{"encoding/gob", "Encoder", "Encode"}:  true,
	{"encoding/xml", "Encoder", "Encode"}:  true,
}

// encodedFile returns how the file an encoder writes was opened, when the
// encoder was made here by NewEncoder over a file this function opened for
// writing; "" otherwise.
func encodedFile(enc ssa.Value) string {
	mk, ok := receiverSource(enc).(*ssa.Call)
	if !ok || len(mk.Call.Args) != 1 {
		return ""
	}
	f := flow.CalleeFunc(mk.Common())
	if f == nil || f.Name() != "NewEncoder" || f.Signature().Recv() != nil {
		return ""
	}
	w := mk.Call.Args[0]
	if mi, ok := w.(*ssa.MakeInterface); ok {
		w = mi.X
	}
	return writableOpen(receiverSource(w))
}

// receiverSource follows a receiver to the value it was produced as:
// through the variable a closure captured, and loads of a local
// variable with one store.
func receiverSource(v ssa.Value) ssa.Value {
	for i := 0; i < 8; i++ {
		var next ssa.Value
		if a, ok := v.(*ssa.Alloc); ok {
			next = flow.SingleStore(a)
		} else {
			next, _ = flow.Stored(v)
		}
		if next == nil {
			return v
		}
		v = next
	}
	return v
}

// writableOpen names the call that opened a file for writing, or "".
func writableOpen(v ssa.Value) string {
	ex, ok := v.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return ""
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return ""
	}
	f := flow.CalleeFunc(call.Common())
	if f == nil || f.Pkg() == nil || f.Pkg().Path() != "os" || f.Signature().Recv() != nil {
		return ""
	}
	switch f.Name() {
	case "Create", "CreateTemp":
		return "os." + f.Name()
	case "OpenFile":
		if len(call.Call.Args) >= 2 && hasWriteFlag(call.Call.Args[1]) {
			return "os.OpenFile for writing"
		}
	}
	return ""
}

// hasWriteFlag reports whether an OpenFile flag is a constant that asks
// for writing.
func hasWriteFlag(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return false
	}
	flag, ok := constant.Int64Val(k.Value)
	return ok && flag&int64(os.O_WRONLY|os.O_RDWR|os.O_APPEND|os.O_CREATE|os.O_TRUNC) != 0
}

// checkedElsewhere reports whether fn also calls method on the same
// receiver and uses that result: `defer f.Close()` as a safety net next
// to a checked `return f.Close()` is the recommended idiom.
func (c *checker) checkedElsewhere(fn *ssa.Function, dropped *ssa.CallCommon, method string) bool {
	if len(dropped.Args) == 0 {
		return false
	}
	src := receiverSource(dropped.Args[0])
	found := false
	visit := func(g *ssa.Function) {
		for _, b := range g.Blocks {
			for _, ins := range b.Instrs {
				call, ok := ins.(*ssa.Call)
				if !ok || call.Common() == dropped || len(call.Call.Args) == 0 {
					continue
				}
				if !c.sameCheck(call.Common(), method, src) {
					continue
				}
				if refs := call.Referrers(); refs != nil && len(*refs) > 0 {
					found = true
				}
			}
		}
	}
	root := fn
	for root.Parent() != nil {
		root = root.Parent()
	}
	visit(root)
	for _, a := range allAnons(root) {
		visit(a)
	}
	return found
}

// sameCheck reports whether call is method on the value src, or, for
// Sync, a project helper whose contract says it syncs src
// (fileutil.Fsync(f)). The receiver may also be a phi that src is one
// edge of: `fd = open; if cached { fd = mb.fd }; fd.Sync()` checks the
// opened file on the paths where it flows there.
func (c *checker) sameCheck(call *ssa.CallCommon, method string, src ssa.Value) bool {
	f := flow.CalleeFunc(call)
	if f == nil {
		return false
	}
	if f.Name() == method && mayBe(call.Args[0], src, 0) {
		return true
	}
	if method != "Sync" {
		return false
	}
	m := c.logs.contract(call).SyncsParams
	for i, a := range call.Args {
		if i < 64 && m&(1<<i) != 0 && mayBe(a, src, 0) {
			return true
		}
	}
	return false
}

// mayBe reports whether v is src, following receiverSource and phis.
func mayBe(v, src ssa.Value, depth int) bool {
	v = receiverSource(v)
	if v == src || sameFieldLoad(v, src) {
		return true
	}
	if phi, ok := v.(*ssa.Phi); ok && depth < 8 {
		for _, e := range phi.Edges {
			if mayBe(e, src, depth+1) {
				return true
			}
		}
	}
	return false
}

// sameFieldLoad reports whether a and b are loads of one field of one
// struct pointer: `defer s.fd.Sync()` next to a checked `s.fd.Sync()`.
func sameFieldLoad(a, b ssa.Value) bool {
	la, ok1 := a.(*ssa.UnOp)
	lb, ok2 := b.(*ssa.UnOp)
	if !ok1 || !ok2 || la.Op != token.MUL || lb.Op != token.MUL {
		return false
	}
	fa, ok1 := la.X.(*ssa.FieldAddr)
	fb, ok2 := lb.X.(*ssa.FieldAddr)
	return ok1 && ok2 && fa.X == fb.X && fa.Field == fb.Field
}

// allAnons returns fn's function literals, nested ones included.
func allAnons(fn *ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	for _, a := range fn.AnonFuncs {
		out = append(out, a)
		out = append(out, allAnons(a)...)
	}
	return out
}

// reportDiscarded reports the drop, with the errors.Join fix for a
// deferred call in a function with a named error result.
func (c *checker) reportDiscarded(fn *ssa.Function, ins ssa.Instruction, call *ssa.CallCommon, what string, deferred bool) {
	pos, end := c.callRange(call.Pos())
	if !pos.IsValid() {
		return
	}
	how := "return or check its error"
	if deferred {
		how = "in a function with a named error result, defer func() { err = errors.Join(err, ...) }()"
	}
	msg := fmt.Sprintf("the error of %s is dropped, but it is the only report that written data did not reach its destination (a full disk, a failed flush); %s", what, how)
	d := analysis.Diagnostic{Pos: pos, End: end, Category: RuleDiscarded, Message: msg}
	if deferred {
		if fix := c.joinFix(fn, ins.(*ssa.Defer), pos, end); fix != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{*fix}
		}
	}
	c.pass.Report(d)
}

// joinFix rewrites `defer x.Close()` into a deferred closure that joins
// the Close error into the function's named error result.
func (c *checker) joinFix(fn *ssa.Function, def *ssa.Defer, pos, end token.Pos) *analysis.SuggestedFix {
	name := namedErrorResult(c.pass, fn)
	if name == "" || !c.goAtLeast(pos, "go1.20") {
		return nil // errors.Join is Go 1.20
	}
	f := c.fileOf(pos)
	if f == nil {
		return nil
	}
	var stmt *ast.DeferStmt
	ast.Inspect(f, func(n ast.Node) bool {
		if d, ok := n.(*ast.DeferStmt); ok && d.Call.Pos() == pos {
			stmt = d
		}
		return stmt == nil
	})
	if stmt == nil {
		return nil
	}
	callSrc := c.source(stmt.Call.Pos(), stmt.Call.End())
	if callSrc == "" {
		return nil
	}
	text := fmt.Sprintf("defer func() { %s = errors.Join(%s, %s) }()", name, name, callSrc)
	edits := []analysis.TextEdit{{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(text)}}
	if imp := c.importEdit(f, "errors"); imp != nil {
		edits = append(edits, *imp)
	} else if !c.imports(f, "errors") {
		return nil
	}
	return &analysis.SuggestedFix{Message: "Join the error into the function's error result", TextEdits: edits}
}

// namedErrorResult returns the name of fn's error result when it is
// named (and fn is not a closure), or "".
func namedErrorResult(pass *analysis.Pass, fn *ssa.Function) string {
	res := errorResult(fn.Signature)
	if res < 0 || fn.Parent() != nil {
		return ""
	}
	v := fn.Signature.Results().At(res)
	if v.Name() == "" || v.Name() == "_" {
		return ""
	}
	return v.Name()
}

// source returns the source text between pos and end.
func (c *checker) source(pos, end token.Pos) string {
	tf := c.pass.Fset.File(pos)
	if tf == nil {
		return ""
	}
	content, err := srcfile.Read(c.pass, tf.Name())
	if err != nil {
		return ""
	}
	s, e := tf.Offset(pos), tf.Offset(end)
	if s < 0 || e > len(content) || s > e {
		return ""
	}
	return string(content[s:e])
}

// imports reports whether f imports path under its own name.
func (c *checker) imports(f *ast.File, path string) bool {
	for _, imp := range f.Imports {
		if imp.Path.Value == fmt.Sprintf("%q", path) && imp.Name == nil {
			return true
		}
	}
	return false
}

// importEdit adds `import "path"` to f when missing, into its first
// parenthesised import block; nil if present or there is no such block.
func (c *checker) importEdit(f *ast.File, path string) *analysis.TextEdit {
	if c.imports(f, path) {
		return nil
	}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT || !gd.Lparen.IsValid() {
			continue
		}
		return &analysis.TextEdit{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte(fmt.Sprintf("\n\t%q", path))}
	}
	return nil
}

// inMemoryOrStdio reports whether w is a writer constructor's result
// (bufio.NewWriter, gzip.NewWriter, ...) wrapped around a buffer that
// cannot fail (bytes.Buffer, strings.Builder) or around os.Stdout or
// os.Stderr, whose write errors programs drop by convention, like
// fmt.Print's.
func inMemoryOrStdio(w ssa.Value) bool {
	under := wrappedWriter(w)
	return under != nil && (isMemoryWriter(under) || isStdio(under))
}

// inMemoryWriter reports whether w is a writer constructor's result
// wrapped around a bytes.Buffer or strings.Builder.
func inMemoryWriter(w ssa.Value) bool {
	under := wrappedWriter(w)
	return under != nil && isMemoryWriter(under)
}

// wrappedWriter returns the first argument of the constructor call that
// made w, through its interface conversion; nil if w is not a call's.
func wrappedWriter(w ssa.Value) ssa.Value {
	call, ok := w.(*ssa.Call)
	if !ok {
		if ex, ok := w.(*ssa.Extract); ok {
			call, _ = ex.Tuple.(*ssa.Call)
		}
	}
	if call == nil || len(call.Call.Args) == 0 {
		return nil
	}
	under := call.Call.Args[0]
	if mi, ok := under.(*ssa.MakeInterface); ok {
		under = mi.X
	}
	return under
}

// isMemoryWriter reports whether v is a *bytes.Buffer or *strings.Builder.
func isMemoryWriter(v ssa.Value) bool {
	return typematch.PointerTo(v.Type(), "bytes", "Buffer") || typematch.PointerTo(v.Type(), "strings", "Builder")
}

// isStdio reports whether v is a load of os.Stdout or os.Stderr.
func isStdio(v ssa.Value) bool {
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		if g, ok := load.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" {
			return g.Name() == "Stdout" || g.Name() == "Stderr"
		}
	}
	return false
}

// ownWriter reports whether the flushed writer was built in this function
// (bufio.NewWriter(w), gzip.NewWriter(w)) around a writer that can fail,
// and is never Reset onto another: a writer handed in, or redirected to
// an in-memory hook (gorilla/websocket's bufio trick), is someone else's
// business.
func ownWriter(fn *ssa.Function, call *ssa.CallCommon) bool {
	src := receiverSource(call.Args[0])
	if _, ok := src.(*ssa.Call); !ok {
		if ex, ok := src.(*ssa.Extract); !ok || callResult(ex) == nil {
			return false
		}
	}
	if inMemoryOrStdio(src) {
		return false
	}
	reset := false
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			ci, ok := ins.(ssa.CallInstruction)
			if !ok || len(ci.Common().Args) == 0 {
				continue
			}
			f := flow.CalleeFunc(ci.Common())
			if f != nil && f.Name() == "Reset" && receiverSource(ci.Common().Args[0]) == src {
				reset = true
			}
		}
	}
	return !reset
}

// cleanupAfterFailure reports whether the dropped call sits in a branch
// taken because some call failed: closing there is cleanup, the failure
// that matters has been handled, and usually nothing was written.
func cleanupAfterFailure(fn *ssa.Function, call *ssa.CallCommon) bool {
	var blk *ssa.BasicBlock
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			if ci, ok := ins.(ssa.CallInstruction); ok && ci.Common() == call {
				blk = b
			}
		}
	}
	if blk == nil {
		return false
	}
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cmp, ok := ifi.Cond.(*ssa.BinOp)
		if !ok || nilComparedError(cmp) == nil {
			continue
		}
		nonNil := b.Succs[0]
		if cmp.Op == token.EQL {
			nonNil = b.Succs[1]
		}
		if len(nonNil.Preds) == 1 && nonNil.Dominates(blk) {
			return true
		}
	}
	return false
}

// removesFile reports whether the function (or a closure in it) defers
// the removal of the file it opened: os.Remove(f.Name()). A
// scratch file's last bytes are thrown away anyway (minio's snowball
// upload buffers in a temp file it deletes).
func removesFile(fn *ssa.Function, file ssa.Value) bool {
	root := fn
	for root.Parent() != nil {
		root = root.Parent()
	}
	for _, g := range append([]*ssa.Function{root}, allAnons(root)...) {
		for _, b := range g.Blocks {
			for _, ins := range b.Instrs {
				ci, ok := ins.(*ssa.Defer)
				if !ok {
					continue // removed on every path only when deferred; an error path's removal is cleanup
				}
				if isRemoveOf(ci.Common(), file) {
					return true
				}
			}
		}
	}
	return false
}

// removedAfter reports whether every path from ins on removes file by its
// name (os.Remove(f.Name())): a probe written, closed and deleted.
func removedAfter(ins ssa.Instruction, file ssa.Value) bool {
	return flow.EveryPathAfter(ins, func(x ssa.Instruction) bool {
		call, ok := x.(*ssa.Call)
		return ok && isRemoveOf(call.Common(), file)
	})
}

// isRemoveOf reports whether call is os.Remove or os.RemoveAll of file's name.
func isRemoveOf(call *ssa.CallCommon, file ssa.Value) bool {
	f := flow.CalleeFunc(call)
	if f == nil || f.Pkg() == nil || f.Pkg().Path() != "os" || (f.Name() != "Remove" && f.Name() != "RemoveAll") || len(call.Args) != 1 {
		return false
	}
	return isNameOf(receiverSource(call.Args[0]), file)
}

// isNameOf reports whether v is file.Name().
func isNameOf(v, file ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok || len(call.Call.Args) != 1 {
		return false
	}
	f := flow.CalleeFunc(call.Common())
	return f != nil && f.Name() == "Name" && f.Pkg() != nil && f.Pkg().Path() == "os" && receiverSource(call.Call.Args[0]) == file
}

// readOnlyFileMethods are the *os.File methods that write no data: a file
// used only through them has no write-back a Close could fail.
var readOnlyFileMethods = map[string]bool{
	"Close": true, "Name": true, "Stat": true, "Sync": true, "Fd": true,
	"Chmod": true, "Chown": true, "Chdir": true, "SetDeadline": true,
	"Seek": true, "Read": true, "ReadAt": true, "Readdir": true,
	"Readdirnames": true, "ReadDir": true,
}

// mayBeWritten reports whether the opened file may receive data: it is
// used other than as the receiver of a method that writes nothing
// (passed to io.Copy or an encoder, stored, returned, or Write called on
// it), following it through local variables, closures and phis.
func mayBeWritten(file ssa.Value) bool {
	written := false
	flow.Explore(file, func(v ssa.Value) ([]ssa.Value, bool) {
		refs := v.Referrers()
		if refs == nil {
			return nil, false
		}
		var next []ssa.Value
		for _, r := range *refs {
			aliases, ok := fileUse(v, r)
			if !ok {
				written = true
				return nil, true
			}
			next = append(next, aliases...)
		}
		return next, false
	})
	return written
}

// fileUse classifies the use r of v, a file or the address of a variable
// holding it: the values that alias it from there, and false when the
// use may write to the file.
func fileUse(v ssa.Value, r ssa.Instruction) ([]ssa.Value, bool) {
	switch r := r.(type) {
	case *ssa.DebugRef, *ssa.BinOp, *ssa.If:
		return nil, true // a nil check
	case *ssa.Phi:
		return []ssa.Value{r}, true
	case *ssa.UnOp:
		return []ssa.Value{r}, r.Op == token.MUL // a load of the variable
	case *ssa.Store:
		if r.Addr == v {
			return nil, true // another value stored into the variable
		}
		_, local := r.Addr.(*ssa.Alloc)
		return []ssa.Value{r.Addr}, local
	case *ssa.MakeClosure:
		for i, b := range r.Bindings {
			if b == v {
				return []ssa.Value{r.Fn.(*ssa.Function).FreeVars[i]}, true
			}
		}
	case ssa.CallInstruction:
		call := r.Common()
		f := flow.CalleeFunc(call)
		onlyRecv := len(call.Args) > 0 && call.Args[0] == v
		for _, a := range call.Args[1:] {
			onlyRecv = onlyRecv && a != v
		}
		return nil, f != nil && !call.IsInvoke() && onlyRecv && f.Pkg() != nil && f.Pkg().Path() == "os" &&
			f.Signature().Recv() != nil && readOnlyFileMethods[f.Name()]
	}
	return nil, false
}

// documentedBlank reports whether the call's results are assigned to the
// blank identifier with a comment on the statement's line or the line
// above: `_ = f.Sync() // best effort: ...` is a decision its author
// explained, not an oversight. analysistest's "// want" comments are not
// the author's.
func (c *checker) documentedBlank(call *ssa.CallCommon) bool {
	as, ok := c.callParent(call.Pos()).(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); !ok || id.Name != "_" {
			return false
		}
	}
	f := c.fileOf(as.Pos())
	first, last := c.line(as.Pos())-1, c.line(as.End())
	for _, cg := range f.Comments {
		for _, cm := range cg.List {
			if l := c.line(cm.Pos()); l >= first && l <= last && explains(cm.Text) {
				return true
			}
		}
	}
	return false
}
