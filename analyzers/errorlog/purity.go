package errorlog

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
)

// Purity: a call whose error depends only on its operands (strconv.Atoi,
// a project's parseWALName) fails the same way whenever it is given the
// same values, so a log line that carries those values says what the
// error would. Standard-library functions are pure by package (a parse
// or formatting package) or by name, and only when no parameter is a
// non-empty interface (an io.Reader can do I/O); the analysed code's
// functions are pure by their SSA (contractFact.Pure).

// purePackages are standard-library packages whose functions compute on
// their operands only.
var purePackages = map[string]bool{
	"strconv": true, "strings": true, "bytes": true, "unicode": true,
	"unicode/utf8": true, "unicode/utf16": true, "errors": true,
	"math": true, "math/bits": true, "regexp": true, "path": true,
	"net/netip": true, "net/url": true, "encoding/hex": true,
	"encoding/base64": true, "encoding/base32": true,
	"encoding/json": true, "encoding/xml": true, "mime": true,
	"encoding/binary": true,
}

// pureFuncs are the pure functions of standard-library packages that
// also do I/O, by package and name prefix.
var pureFuncs = map[string][]string{
	"fmt":           {"Sprint", "Sscan", "Errorf", "Append"},
	"time":          {"Parse", "Unix", "Date"},
	"net":           {"ParseIP", "ParseCIDR", "ParseMAC", "SplitHostPort", "JoinHostPort", "IPv4"},
	"path/filepath": {"Match", "Ext", "Base", "Dir", "Clean", "Join", "Split", "IsAbs", "Rel", "ToSlash", "FromSlash"},
}

// isPure reports whether call is a call of a pure function.
func (s *logging) isPure(call *ssa.CallCommon) bool {
	if _, ok := call.Value.(*ssa.Builtin); ok {
		return true
	}
	if call.IsInvoke() {
		return false
	}
	f := flow.CalleeFunc(call)
	if f == nil || f.Pkg() == nil {
		return false
	}
	if pureStd(f) {
		return true
	}
	return s.contract(call).Pure
}

// pureStd reports whether f is a pure standard-library function.
func pureStd(f *types.Func) bool {
	path := f.Pkg().Path()
	if !purePackages[path] {
		ok := false
		for _, p := range pureFuncs[path] {
			ok = ok || strings.HasPrefix(f.Name(), p)
		}
		if !ok {
			return false
		}
	}
	sig := f.Signature()
	if r := sig.Recv(); r != nil && hasMethods(r.Type()) {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if sl, ok := t.(*types.Slice); ok && sig.Variadic() && i == sig.Params().Len()-1 {
			t = sl.Elem()
		}
		if hasMethods(t) {
			return false
		}
	}
	return true
}

// hasMethods reports whether t is an interface with methods: a value
// that may do anything when called (an io.Reader reads a file).
func hasMethods(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	return ok && it.NumMethods() > 0
}

// pureBody reports whether fn computes on its operands only: every call
// is pure, and it neither stores to a global, starts a goroutine, nor
// touches a channel.
func (s *logging) pureBody(fn *ssa.Function) bool {
	if len(fn.Blocks) == 0 {
		return false // no body (assembly, external): unknown
	}
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			switch ins := ins.(type) {
			case *ssa.Go, *ssa.Send, *ssa.Select:
				return false
			case *ssa.UnOp:
				if ins.Op == token.ARROW {
					return false
				}
			case *ssa.Store:
				if _, ok := flow.MemoryRoot(ins.Addr).(*ssa.Global); ok {
					return false
				}
			case ssa.CallInstruction:
				if !s.isPure(ins.Common()) {
					return false
				}
			}
		}
	}
	return true
}
