package bad

import "sync"

type registry struct {
	mu    sync.Mutex
	nodes map[string]int
}

// register creates the map lazily, checking it first under the lock.
func (r *registry) register(name string, v int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.nodes == nil {
		r.nodes = map[string]int{}
	}
	r.nodes[name] = v
}

// Nodes reads the map without the lock while register may be creating
// or filling it (modelled on nats-server's /raftz handler reading
// s.raftNodes without rnMu).
func (r *registry) Nodes() int {
	if r.nodes == nil { // want `r.nodes is read without holding r.mu`
		return 0
	}
	return 1
}
