package locks

import (
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Held is a lock held on every path to a point.
type Held struct {
	Lock Lock
	Mode Mode
	// Site is the call that acquired it in this function; nil when the
	// function is assumed to be entered with it held (it unlocks a lock it
	// never locks: its callers hold it).
	Site ssa.Instruction
	// Class names the lock across functions (see Class); may be empty.
	Class string
}

// State is the set of locks held on every path to a point, and the locks a
// deferred call releases at every later exit.
type State struct {
	held     []Held
	deferred []Lock
}

// Held returns the locks held on every path to this point.
func (s *State) Held() []Held { return s.held }

// Holds returns the entry for l if l is held.
func (s *State) Holds(l Lock) (Held, bool) {
	for _, h := range s.held {
		if h.Lock == l {
			return h, true
		}
	}
	return Held{}, false
}

// Deferred reports whether a deferred call releases l at every exit.
func (s *State) Deferred(l Lock) bool { return slices.Contains(s.deferred, l) }

func (s *State) clone() *State {
	return &State{held: slices.Clone(s.held), deferred: slices.Clone(s.deferred)}
}

// add records l as held; an existing entry of the same mode is replaced,
// so the site is the latest acquisition.
func (s *State) add(h Held) {
	for i, x := range s.held {
		if x.Lock == h.Lock && x.Mode == h.Mode {
			s.held[i] = h
			return
		}
	}
	s.held = append(s.held, h)
}

// remove releases l (of mode m if such an entry exists, else any mode);
// it reports whether l was held.
func (s *State) remove(l Lock, m Mode) bool {
	idx := -1
	for i, x := range s.held {
		if x.Lock == l && (idx < 0 || x.Mode == m) {
			idx = i
		}
	}
	if idx < 0 {
		return false
	}
	s.held = slices.Delete(s.held, idx, idx+1)
	return true
}

// meet keeps what both states hold (the join of a must analysis).
func meet(a, b *State) *State {
	out := &State{}
	for _, h := range a.held {
		for _, g := range b.held {
			if h.Lock == g.Lock && h.Mode == g.Mode {
				out.held = append(out.held, h)
				break
			}
		}
	}
	for _, l := range a.deferred {
		if slices.Contains(b.deferred, l) {
			out.deferred = append(out.deferred, l)
		}
	}
	return out
}

// equal reports whether a and b hold the same locks (sites aside).
func equal(a, b *State) bool {
	if len(a.held) != len(b.held) || len(a.deferred) != len(b.deferred) {
		return false
	}
	for _, h := range a.held {
		found := false
		for _, g := range b.held {
			if h.Lock == g.Lock && h.Mode == g.Mode {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	for _, l := range a.deferred {
		if !slices.Contains(b.deferred, l) {
			return false
		}
	}
	return true
}

// effective returns the locks still held once the deferred releases ran:
// what a return leaves held.
func (s *State) effective() []Held {
	var out []Held
	for _, h := range s.held {
		if !slices.Contains(s.deferred, h.Lock) {
			out = append(out, h)
		}
	}
	return out
}
