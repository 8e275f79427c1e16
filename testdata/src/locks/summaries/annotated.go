package summaries

import "sync"

// Gate's annotations (gVisor's checklocks) become its methods' contracts.
type Gate struct {
	mu sync.RWMutex
	// +checklocks:mu
	open bool // want open:`&\{\[\{ \.mu \[\]\}\] false\}`
}

// +checklocks:g.mu
func (g *Gate) setLocked(v bool) { g.open = v } // want setLocked:`requires\[p0.mu\(W\)\]`

// +checklocksread:g.mu
func (g *Gate) isOpenRead() bool { return g.open } // want isOpenRead:`requires\[p0.mu\(R\)\]`

// +checklocksexclude:g.mu
func (g *Gate) Toggle() { // want Toggle:`locks\[p0.mu\(W\)\] excludes\[p0.mu\(W\)\]`
	g.mu.Lock()
	g.open = !g.open
	g.mu.Unlock()
}

// NewLocked returns a gate whose lock is held: a result-rooted acquire.
//
// +checklocksacquire:g.mu
func NewLocked() (g *Gate) { // want NewLocked:`acquires\[r0.mu\(W\)\]`
	g = new(Gate)
	g.mu.Lock()
	return g
}

// +checklocksrelease:g.mu
func (g *Gate) unlockRelease() { g.mu.Unlock() } // want unlockRelease:`releases\[p0.mu\(W\)\] requires\[p0.mu\(W\)\]`
