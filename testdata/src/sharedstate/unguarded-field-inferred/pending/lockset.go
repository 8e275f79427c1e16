// Package pending holds the unguarded-field cases still wrong (see
// analyzers/internal/host/ruletest's pending.go).
package pending

import "sync"

// account.poolIdx: every write holds the account's lock and, taken by
// every caller of the unexported setters, the router's; lookup reads it
// under the router's lock alone, which excludes every write (modelled on
// nats-server's Account.routePoolIdx, set in setRouteInfo with both locks
// held, read in updateRouteSubscriptionMap under the server's; reported
// since its "we don't need to acquire the account's lock" comment no
// longer exempts it). The lockset test (otherLockExcludes) sees only the
// locks a function takes itself, not those its callers hold; carrying
// the callers' lock classes (callerGates) into it did not fix the nats
// case and dropped seven corpus findings.
type router struct {
	mu    sync.RWMutex
	pools map[string]int
}

type account struct {
	mu      sync.Mutex
	name    string
	poolIdx int
}

func (r *router) setPool(acc *account) {
	acc.poolIdx = r.pools[acc.name]
}

func (r *router) register(acc *account) {
	r.mu.Lock()
	acc.mu.Lock()
	r.setPool(acc)
	acc.mu.Unlock()
	r.mu.Unlock()
}

func (r *router) dropPool(acc *account) { acc.poolIdx = -1 }

func (r *router) unregister(acc *account) {
	r.mu.Lock()
	defer r.mu.Unlock()
	acc.mu.Lock()
	defer acc.mu.Unlock()
	r.dropPool(acc)
}

func (a *account) pool() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.poolIdx
}

func (a *account) pooled() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.poolIdx >= 0
}

func (r *router) lookup(acc *account) int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return acc.poolIdx // now `acc.poolIdx is read without holding acc.mu`
}
