package goroutineleak

import (
	"fmt"
	"go/ast"
	"go/version"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/chanflow"
)

// checkTimeAfterLoop reports time.After calls made on every iteration of a
// loop and waited on in a select: each iteration starts a new timer.
func (p *passState) checkTimeAfterLoop(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			call, ok := ins.(*ssa.Call)
			if !ok || !isTimeAfter(call.Common()) || !chanflow.InCycle(b) || !selectedOn(call) {
				continue
			}
			p.reportTimeAfterLoop(call)
		}
	}
}

// isTimeAfter reports whether c calls time.After.
func isTimeAfter(c *ssa.CallCommon) bool {
	f := c.StaticCallee()
	return f != nil && f.Pkg != nil && f.Pkg.Pkg.Path() == "time" && f.Name() == "After" && f.Signature.Recv() == nil
}

// selectedOn reports whether the channel time.After returned is a case of
// a select (the loop's timeout), not merely received from.
func selectedOn(call *ssa.Call) bool {
	for _, r := range *call.Referrers() {
		if _, ok := r.(*ssa.Select); ok {
			return true
		}
	}
	return false
}

// reportTimeAfterLoop words the finding by the file's Go version: before
// Go 1.23 a timer is not collected until it fires.
func (p *passState) reportTimeAfterLoop(call *ssa.Call) {
	ce := p.callAt(call.Pos())
	if ce == nil {
		return
	}
	var msg string
	if p.before123(ce) {
		msg = "time.After in a loop starts a new timer on every iteration, and before Go 1.23 none is freed until it fires: a busy loop with a long timeout piles them up; create one time.NewTimer before the loop and Reset it, or raise the module's go line to 1.23"
	} else {
		msg = "time.After in a loop allocates a new timer on every iteration of the select (garbage since Go 1.23, but churn in a busy loop); create one time.NewTimer before the loop and Reset it"
	}
	p.pass.Report(analysis.Diagnostic{Pos: ce.Pos(), End: ce.End(), Category: RuleTimeAfterLoop, Message: fmt.Sprint(msg)})
}

// before123 reports whether the file holding n is compiled with a Go
// version before 1.23 (the file's build constraint or the module's go line).
func (p *passState) before123(n ast.Node) bool {
	v := ""
	if f := p.fileOf(n.Pos()); f != nil && p.pass.TypesInfo.FileVersions != nil {
		v = p.pass.TypesInfo.FileVersions[f]
	}
	if v == "" {
		v = p.pass.Pkg.GoVersion()
	}
	return v != "" && version.Compare(v, "go1.23") < 0
}
