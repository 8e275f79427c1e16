package good

import "sync"

type counter struct {
	mu sync.Mutex
	n  int
}

// A pointer receiver locks the shared value.
func (c *counter) inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

// Ranging by index copies nothing.
func total(cs []counter) int {
	n := 0
	for i := range cs {
		n += cs[i].n
	}
	return n
}

type client struct {
	mu      sync.RWMutex
	headers map[string]string
}

// A clone whose lock is replaced by a fresh one before any use: the copied
// lock state is thrown away (hashicorp/vault's Client.WithNamespace, a
// false positive of vet's copylocks on the corpus).
func (c *client) clone() *client {
	c2 := *c
	c2.mu = sync.RWMutex{}
	c.mu.RLock()
	c2.headers = c.headers
	c.mu.RUnlock()
	return &c2
}
