package sharedstate

import (
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/locks"
)

// entryInfo is what every caller in the package guarantees a function on
// entry.
type entryInfo struct {
	// fresh are the parameters every caller passes a value it allocated
	// itself and has not published yet (a constructor's helper).
	fresh map[int]bool
	// held are the locks, in the function's terms, every caller holds.
	held []locks.Ref
}

// isFresh reports whether parameter i is always a fresh value.
func (e *entryInfo) isFresh(i int) bool { return e != nil && i >= 0 && e.fresh[i] }

// guardsFor names the locks held on entry that guard obj's fields.
func (e *entryInfo) guardsFor(obj locks.Ref) []string {
	if e == nil {
		return nil
	}
	var out []string
	for _, l := range e.held {
		if isFieldOf(l, obj) {
			out = append(out, strings.TrimSuffix(l.Path[len(obj.Path)+1:], "*"))
		} else if g, ok := l.Root.(*ssa.Global); ok && l.Path == "" {
			out = append(out, "global:"+g.Pkg.Pkg.Path()+"."+g.Name())
		}
	}
	return out
}

// callerHeld computes, for each function called in the package, the
// locks all its callers hold and the parameters they all pass fresh. A
// function whose address is taken may be called from anywhere, so it
// gets nothing.
func (c *checker) callerHeld() map[*ssa.Function]*entryInfo {
	sites := map[*ssa.Function][]locks.Call{}
	for _, g := range c.locks.Funcs {
		for _, call := range g.Calls {
			sites[call.Callee] = append(sites[call.Callee], call)
		}
	}
	taken := c.addressTaken()
	out := map[*ssa.Function]*entryInfo{}
	for fn, calls := range sites {
		if taken[fn] {
			continue
		}
		var info *entryInfo
		for _, call := range calls {
			site := atSite(fn, call)
			if info == nil {
				info = site
				continue
			}
			info = intersect(info, site)
		}
		out[fn] = info
	}
	return out
}

// atSite is what one call guarantees its callee.
func atSite(fn *ssa.Function, call locks.Call) *entryInfo {
	info := &entryInfo{fresh: map[int]bool{}}
	args := call.Call.Common().Args
	for j, arg := range args {
		if j >= len(fn.Params) {
			break
		}
		if _, ok := locks.RefOf(arg).Root.(*ssa.Alloc); ok && locks.RefOf(arg).Path == "" {
			info.fresh[j] = true
		}
	}
	for _, h := range call.Held {
		if _, ok := h.Lock.Root.(*ssa.Global); ok {
			info.held = append(info.held, h.Lock)
			continue
		}
		for j, arg := range args {
			if j >= len(fn.Params) {
				break
			}
			ar := locks.RefOf(arg)
			if ar.Root == h.Lock.Root && strings.HasPrefix(h.Lock.Path, ar.Path+".") {
				info.held = append(info.held, locks.Ref{Root: fn.Params[j], Path: h.Lock.Path[len(ar.Path):]})
			}
		}
	}
	return info
}

// intersect keeps what both guarantee.
func intersect(a, b *entryInfo) *entryInfo {
	out := &entryInfo{fresh: map[int]bool{}}
	for i := range a.fresh {
		if b.fresh[i] {
			out.fresh[i] = true
		}
	}
	for _, l := range a.held {
		for _, m := range b.held {
			if l == m {
				out.held = append(out.held, l)
				break
			}
		}
	}
	return out
}

// addressTaken returns the package's functions used as values (method
// values, callbacks, goroutine bodies): callers outside the static call
// graph may call them.
func (c *checker) addressTaken() map[*ssa.Function]bool {
	out := map[*ssa.Function]bool{}
	var ops []*ssa.Value
	for _, f := range c.locks.Funcs {
		for _, b := range f.Fn.Blocks {
			for _, ins := range b.Instrs {
				ops = ins.Operands(ops[:0])
				for i, op := range ops {
					fn, ok := (*op).(*ssa.Function)
					if !ok {
						continue
					}
					if call, ok := ins.(*ssa.Call); ok && i == 0 && call.Call.Value == fn {
						continue
					}
					out[fn] = true
				}
			}
		}
	}
	return out
}
