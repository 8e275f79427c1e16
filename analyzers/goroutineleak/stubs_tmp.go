package goroutineleak

import "golang.org/x/tools/go/ssa"

func (p *passState) checkWaitGroupDone(fn *ssa.Function) {}
func (p *passState) checkTimeAfterLoop(fn *ssa.Function) {}
func (p *passState) checkNilChannel(fn *ssa.Function)    {}
