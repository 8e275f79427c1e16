package good

import "sync"

// guardNote describes an annotation in prose; its own fields carry none.
// Found by reviewlint on its own source: the locks engine's Guard struct
// documents "Atomic is +checkatomic." and "Guards are the +checklocks:mu
// locks", which is documentation, not an annotation.
type guardNote struct {
	mu sync.Mutex
	// Atomic is +checkatomic.
	Atomic bool
	// Guards says what the +checklocks:mu annotation named.
	Guards []string
}

func (g *guardNote) describe() (bool, int) {
	return g.Atomic, len(g.Guards)
}

func (g *guardNote) set(atomic bool) {
	g.mu.Lock()
	g.Atomic = atomic
	g.Guards = append(g.Guards, "mu")
	g.mu.Unlock()
}
