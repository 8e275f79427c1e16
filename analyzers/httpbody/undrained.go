package httpbody

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/handlers"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/lifetime"
	"github.com/reviewlint/reviewlint/analyzers/internal/report/leaks"
)

// touched is the Walk state bit set once anything may have read the body.
const touched uint8 = 1

// reportUndrained reports, for a response received inside a loop (a
// retry, a poll, a crawl), a Close of its body on a path where nothing
// read the body: net/http can reuse the connection only when the body was
// read to EOF, so every iteration dials a new one. Precision first: any
// read, drain or hand-off of the body or the response counts as a drain,
// and only a direct Body.Close() is judged (a helper that closes may drain).
func reportUndrained(pass *analysis.Pass, l leaks.Leak) {
	ob := l.Ob
	acq := ob.Call.Block()
	if !lifetime.InSameLoop(acq, acq) || ob.Callee != nil && ob.Callee.Name() == "Head" {
		return // a HEAD response has no body to drain
	}
	name := l.NameOr("resp")
	var closes []*ssa.Call
	ob.Walk(0, lifetime.Walker{
		Visit: func(ins ssa.Instruction, state uint8) (uint8, bool) {
			if ob.Releases(ins) {
				if call, ok := ins.(*ssa.Call); ok && state&touched == 0 && closesBody(ob, call) && lifetime.InSameLoop(acq, call.Block()) {
					closes = append(closes, call)
				}
				return state, true
			}
			if readsBody(ob, ins) || drainsBody(ob, ins) || handsOnResponse(ob, ins) || passesResponse(ob, ins) {
				return state | touched, false
			}
			return state, false
		},
		Exit: func(*ssa.Return, uint8) {},
	})
	seen := map[*ssa.Call]bool{}
	for _, c := range closes {
		if seen[c] {
			continue
		}
		seen[c] = true
		pass.Report(analysis.Diagnostic{
			Pos:      c.Pos(),
			End:      c.Pos(),
			Category: RuleUndrained,
			Message: fmt.Sprintf("body of %s from %s (line %d) is closed unread inside a loop: the connection cannot be reused, so every iteration opens a new one; drain it first with io.Copy(io.Discard, %s.Body)",
				name, l.Site.Callee(ob), leaks.Line(pass, ob.Call.Pos()), name),
		})
	}
}

// closesBody reports whether call is resp.Body.Close() itself.
func closesBody(ob *lifetime.Obligation, call *ssa.Call) bool {
	c := call.Common()
	return c.IsInvoke() && c.Method.Name() == "Close" && isBody(ob, c.Value)
}

// drainsBody reports whether ins copies the body into io.Discard.
func drainsBody(ob *lifetime.Obligation, ins ssa.Instruction) bool {
	call, ok := ins.(ssa.CallInstruction)
	if !ok || !handlers.Drains(call) {
		return false
	}
	for _, a := range call.Common().Args {
		if isBody(ob, a) {
			return true
		}
	}
	return false
}

// passesResponse reports whether ins hands the response to a call, which
// may read its body.
func passesResponse(ob *lifetime.Obligation, ins ssa.Instruction) bool {
	call, ok := ins.(ssa.CallInstruction)
	if !ok {
		return false
	}
	for _, a := range call.Common().Args {
		if ob.Tracked(a) && isResponse(a.Type()) {
			return true
		}
	}
	return false
}
