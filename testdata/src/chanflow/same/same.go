// Package same checks which values chanflow's Same takes for one object.
package same

import "time"

// pair marks the two values to compare.
func pair(a, b *time.Timer) {}

type poller struct {
	timer *time.Timer
	other *time.Timer
}

// Loads of one field, in one function or through a closure, are one
// object; another field is not.
func (p *poller) fields() {
	pair(p.timer, p.timer) // want `same`
	pair(p.timer, p.other) // want `different`
	func() {
		pair(p.timer, p.timer) // want `same`
	}()
}

// One local value, directly and captured; two timers are two objects.
func locals(d time.Duration) {
	t := time.NewTimer(d)
	u := time.NewTimer(d)
	pair(t, t) // want `same`
	pair(t, u) // want `different`
	func() {
		pair(t, t) // want `same`
	}()
}
