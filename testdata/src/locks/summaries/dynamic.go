package summaries

import "sync"

// Counter is the only type of the package implementing incrementer, so a
// call through the interface runs Counter.Add.
type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Add() { // want Add:`locks\[p0.mu\(W\)\]`
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

type incrementer interface{ Add() }

// Holder calls through an interface field and a func field.
type Holder struct {
	inc    incrementer
	onTick func()
	n      int
}

func (h *Holder) Bump() { // want Bump:`locks\[p0.inc\*.mu\(W\)\]`
	h.inc.Add()
}

// Tick runs the callback when there is one: the nil test does not make
// the call conditional.
func (h *Holder) Tick() { // want Tick:`locks\[any locks/summaries.Counter.mu\(W\)\]`
	if h.onTick != nil {
		h.onTick()
	}
}

// Each runs the function it is handed.
func Each(fn func()) { // want Each:`locks\[any locks/summaries.Counter.mu\(W via p0\)\]`
	fn()
}

// Wire stores a method value of another object and hands one to Each,
// which runs it: the lock is known by its class only, since Each runs
// whatever its callers pass.
func Wire(h *Holder, c *Counter) { // want Wire:`locks\[any locks/summaries.Counter.mu\(W\)\]`
	h.onTick = c.Add
	Each(c.Add)
}

// Visit locks c.mu itself and through the function it runs: one entry,
// taken directly.
func Visit(fn func(*Counter), c *Counter) { // want Visit:`locks\[p1.mu\(W\)\]`
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	fn(c)
}

// VisitAdd hands Visit a function that locks c.mu.
func VisitAdd(c *Counter) { // want VisitAdd:`locks\[p0.mu\(W\)\]`
	Visit((*Counter).Add, c)
}

// EachOf runs the function it is handed on c.
func EachOf(fn func(*Counter), c *Counter) { // want EachOf:`locks\[p1.mu\(W via p0\)\]`
	fn(c)
}

// WireThunk hands EachOf a method expression: the method's locks count.
func WireThunk(c *Counter) { // want WireThunk:`locks\[p0.mu\(W\)\]`
	EachOf((*Counter).Add, c)
}
