package errorlog

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// A file kept in a struct field is opened in one method, written in
// another and synced in a third: no one function shows both the open and
// the write. The package does, and fields are compared by object, so
// `mb.mfd.Sync()` in close counts as the Sync of a written file when some
// method of the package writes through mb.mfd (nats-server's msgBlock).
// Close of such a field is not reported: on etcd's WAL it is the release
// of a preallocated or already synced segment (storage/wal), and on
// nats-server a shutdown step with its reason in a comment.

// fileFieldOf returns the struct field that src, a receiver's source, was
// loaded from when it is an *os.File (mb.mfd.Sync(), or fd := mb.mfd;
// fd.Sync()); nil otherwise.
func fileFieldOf(src ssa.Value) *types.Var {
	load, ok := src.(*ssa.UnOp)
	if !ok || load.Op != token.MUL || !typematch.PointerTo(load.Type(), "os", "File") {
		return nil
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	return flow.FieldVar(fa)
}

// writtenFileFields returns the *os.File fields of the package's structs
// that some function of the package writes through: a load of the field
// reaches a write of the file (File.Write, WriteAt, WriteString, ReadFrom,
// Truncate), a conversion to an interface that can write (io.Writer,
// handed to io.Copy, bufio.NewWriter, an encoder), or a parameter of a
// function of the package that does either. Computed once per package.
func (c *checker) writtenFileFields() map[*types.Var]bool {
	if c.writtenFields != nil {
		return c.writtenFields
	}
	c.writtenFields = map[*types.Var]bool{}
	for _, fn := range c.funcs {
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				load, ok := ins.(*ssa.UnOp)
				if !ok || load.Op != token.MUL {
					continue
				}
				field := fileFieldOf(load)
				if field == nil || c.writtenFields[field] {
					continue
				}
				w := &fileWriteScan{pkg: c.pass.Pkg, seen: map[ssa.Value]bool{}}
				if w.writes(load, 0) {
					c.writtenFields[field] = true
				}
			}
		}
	}
	return c.writtenFields
}

// fileWriteMethods are the *os.File methods that change the file's data:
// what a later Sync makes durable.
var fileWriteMethods = map[string]bool{
	"Write": true, "WriteAt": true, "WriteString": true, "ReadFrom": true, "Truncate": true,
}

// fileWriteScan follows one file value to the writes it reaches, within
// the package; seen breaks cycles through phis and recursive calls.
type fileWriteScan struct {
	pkg  *types.Package
	seen map[ssa.Value]bool
}

// writes reports whether the file value v is written: by a method that
// changes its data, by its conversion to an interface that can write, or
// by a function of the package it is passed to; through phis and local
// variables.
func (w *fileWriteScan) writes(v ssa.Value, depth int) bool {
	if w.seen[v] || depth > 6 {
		return false
	}
	w.seen[v] = true
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Phi:
			if w.writes(r, depth+1) {
				return true
			}
		case *ssa.Store:
			if alloc, ok := r.Addr.(*ssa.Alloc); ok && r.Val == v && w.loadsWrite(alloc, depth) {
				return true
			}
		case *ssa.MakeInterface:
			if canWrite(r.Type()) {
				return true
			}
		case ssa.CallInstruction:
			if w.callWrites(r.Common(), v, depth) {
				return true
			}
		}
	}
	return false
}

// loadsWrite reports whether a load of the local variable alloc is
// written.
func (w *fileWriteScan) loadsWrite(alloc *ssa.Alloc, depth int) bool {
	for _, r := range *alloc.Referrers() {
		if load, ok := r.(*ssa.UnOp); ok && load.Op == token.MUL && w.writes(load, depth+1) {
			return true
		}
	}
	return false
}

// callWrites reports whether call writes the file v: a data-changing
// *os.File method on it, or a function of the package whose parameter v
// is written there.
func (w *fileWriteScan) callWrites(call *ssa.CallCommon, v ssa.Value, depth int) bool {
	if call.IsInvoke() {
		return false
	}
	if f := flow.CalleeFunc(call); f != nil && f.Pkg() != nil && f.Pkg().Path() == "os" && f.Signature().Recv() != nil &&
		len(call.Args) > 0 && call.Args[0] == v {
		return fileWriteMethods[f.Name()]
	}
	callee := call.StaticCallee()
	if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg != w.pkg || len(callee.Params) != len(call.Args) {
		return false
	}
	for i, a := range call.Args {
		if a == v && w.writes(callee.Params[i], depth+1) {
			return true
		}
	}
	return false
}

// canWrite reports whether the interface type t has the io.Writer method:
// a file converted to it is handed on to be written.
func canWrite(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := 0; i < iface.NumMethods(); i++ {
		m := iface.Method(i)
		if m.Name() != "Write" {
			continue
		}
		sig := m.Type().(*types.Signature)
		return sig.Params().Len() == 1 && types.Identical(sig.Params().At(0).Type(), types.NewSlice(types.Typ[types.Byte])) &&
			sig.Results().Len() == 2 && types.Identical(sig.Results().At(1).Type(), errorType)
	}
	return false
}

// fieldSyncDrop describes a dropped Sync of a file held in a struct field
// that the package writes through, or returns "": Sync exists to report
// that written data did not reach the disk, so only a Sync on the way out
// of an earlier failure may drop it.
func (c *checker) fieldSyncDrop(fn *ssa.Function, call *ssa.CallCommon, src ssa.Value) string {
	field := fileFieldOf(src)
	if field == nil || !c.writtenFileFields()[field] || cleanupAfterFailure(fn, call) || c.checkedElsewhere(fn, call, "Sync") {
		return ""
	}
	owner := flow.TypeName(src.(*ssa.UnOp).X.(*ssa.FieldAddr).X.Type())
	return fmt.Sprintf("Sync of %s.%s (a file this package writes)", owner, field.Name())
}

// fileBufferFields returns the struct fields of the package that hold a
// flushing writer (a bufio.Writer, a gzip writer...) over a file: every
// value the package stores into the field, but nil, is a constructor's
// result wrapped around an *os.File, and every Reset of the field's writer
// points it at an *os.File again. A writer over a connection or a buffer,
// or redirected elsewhere, is not one. Computed once per package.
func (c *checker) fileBufferFields() map[*types.Var]bool {
	if c.bufferFields != nil {
		return c.bufferFields
	}
	c.bufferFields = map[*types.Var]bool{}
	bad := map[*types.Var]bool{}
	for _, fn := range c.funcs {
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				field, ok := writerFieldUse(ins)
				switch {
				case field == nil:
				case !ok:
					bad[field] = true
				case isStore(ins) && !isNilStore(ins):
					c.bufferFields[field] = true
				}
			}
		}
	}
	for f := range bad {
		delete(c.bufferFields, f)
	}
	return c.bufferFields
}

// writerFieldUse classifies ins when it stores into, or Resets the writer
// loaded from, a struct field whose type is a pointer to a flushing
// writer: the field, and whether the use keeps it a writer over a file.
func writerFieldUse(ins ssa.Instruction) (*types.Var, bool) {
	switch ins := ins.(type) {
	case *ssa.Store:
		fa, ok := ins.Addr.(*ssa.FieldAddr)
		if !ok || !isFlushingWriter(fa.Type().(*types.Pointer).Elem()) {
			return nil, false
		}
		return flow.FieldVar(fa), isNilStore(ins) || overFile(wrappedWriter(ins.Val))
	case ssa.CallInstruction:
		call := ins.Common()
		f := flow.CalleeFunc(call)
		if f == nil || call.IsInvoke() || f.Name() != "Reset" || len(call.Args) != 2 {
			return nil, false
		}
		load, ok := call.Args[0].(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			return nil, false
		}
		fa, ok := load.X.(*ssa.FieldAddr)
		if !ok || !isFlushingWriter(load.Type()) {
			return nil, false
		}
		return flow.FieldVar(fa), overFile(call.Args[1])
	}
	return nil, false
}

// isStore reports whether ins is a Store.
func isStore(ins ssa.Instruction) bool {
	_, ok := ins.(*ssa.Store)
	return ok
}

// isNilStore reports whether ins stores nil.
func isNilStore(ins ssa.Instruction) bool {
	st, ok := ins.(*ssa.Store)
	if !ok {
		return false
	}
	k, ok := st.Val.(*ssa.Const)
	return ok && k.IsNil()
}

// isFlushingWriter reports whether t is a pointer to one of the writers of
// flushingMethods.
func isFlushingWriter(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	for key := range flushingMethods {
		if key[0] == n.Obj().Pkg().Path() && key[1] == n.Obj().Name() {
			return true
		}
	}
	return false
}

// overFile reports whether w, a writer argument, is an *os.File.
func overFile(w ssa.Value) bool {
	if w == nil {
		return false
	}
	if mi, ok := w.(*ssa.MakeInterface); ok {
		w = mi.X
	}
	return typematch.PointerTo(w.Type(), "os", "File")
}

// fieldFlushDrop describes a dropped Flush or Close of a writer kept in a
// struct field over a file (fileBufferFields), or returns "": the bytes
// still buffered reach the file only then.
func (c *checker) fieldFlushDrop(fn *ssa.Function, call *ssa.CallCommon, method string) string {
	src := receiverSource(call.Args[0])
	load, ok := src.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return ""
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok || !c.fileBufferFields()[flow.FieldVar(fa)] {
		return ""
	}
	if c.checkedElsewhere(fn, call, method) || cleanupAfterFailure(fn, call) {
		return ""
	}
	return fmt.Sprintf("%s of %s.%s (a buffered writer over a file)", method, flow.TypeName(fa.X.Type()), flow.FieldVar(fa).Name())
}
