package errorlog

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// scan-err-unchecked: a bufio.Scanner's Scan returns false both at the end
// of the input and on a read error or a token longer than the buffer
// (bufio.ErrTooLong); only Err tells them apart. A Scan loop whose scanner
// is never asked for Err treats a failed read as a complete one.

// checkScanErr reports each scanner made by bufio.NewScanner in fn over a
// reader that can fail, scanned in a loop, whose Err is never called and
// which fn never hands on (a callee, a closure or a field may check it).
func (c *checker) checkScanErr(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok || !isFunc(call.Call.StaticCallee(), "bufio", "NewScanner") {
				continue
			}
			if inMemoryReader(call.Call.Args[0]) {
				continue
			}
			loop, checked, escapes := scannerUses(call)
			if loop != nil && !checked && !escapes {
				c.pass.Report(analysis.Diagnostic{
					Pos:      loop.Pos(),
					End:      loop.Pos() + 1,
					Category: RuleScanErrUnchecked,
					Message: fmt.Sprintf("the Scan loop over the scanner from bufio.NewScanner (line %d) ends the same way on a read error or a too-long token as at the end of the input, but Err is never checked: check the scanner's Err() after the loop",
						c.line(call.Pos())),
				})
			}
		}
	}
}

// scannerUses classifies the uses of the scanner sc: the first Scan call
// inside a loop, whether Err is called, and whether the scanner goes
// anywhere but its own method calls.
func scannerUses(sc *ssa.Call) (loop *ssa.Call, checked, escapes bool) {
	for _, ref := range *sc.Referrers() {
		use, ok := ref.(*ssa.Call)
		if !ok || use.Call.IsInvoke() || len(use.Call.Args) == 0 || use.Call.Args[0] != ssa.Value(sc) {
			if _, debug := ref.(*ssa.DebugRef); !debug {
				escapes = true
			}
			continue
		}
		m := use.Call.StaticCallee()
		if m == nil || m.Signature.Recv() == nil || !typematch.PointerTo(m.Signature.Recv().Type(), "bufio", "Scanner") {
			escapes = true
			continue
		}
		switch m.Name() {
		case "Err":
			checked = true
		case "Scan":
			if loop == nil && flow.InCycle(use.Block()) {
				loop = use
			}
		}
	}
	return loop, checked, escapes
}

// inMemoryReader reports whether r reads a string or a byte slice held in
// memory (strings.Reader, bytes.Reader, bytes.Buffer): such a read cannot
// fail, and the scanners over them split known text.
func inMemoryReader(r ssa.Value) bool {
	if mi, ok := r.(*ssa.MakeInterface); ok {
		r = mi.X
	}
	t := r.Type()
	return typematch.PointerTo(t, "strings", "Reader") ||
		typematch.PointerTo(t, "bytes", "Reader") ||
		typematch.PointerTo(t, "bytes", "Buffer")
}

// isFunc reports whether fn is the package-level function pkg.name.
func isFunc(fn *ssa.Function, pkg, name string) bool {
	if fn == nil || fn.Signature.Recv() != nil || fn.Pkg == nil {
		return false
	}
	return fn.Pkg.Pkg.Path() == pkg && fn.Name() == name
}
