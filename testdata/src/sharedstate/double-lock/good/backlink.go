package good

import "sync"

// yard's elements link back to it; none of these walks locks it twice.
type yard struct {
	mu    sync.RWMutex
	boxes map[int]*box
	spare *box
}

type box struct {
	yard  *yard
	other *shed
	size  int
}

// shed is a different type with its own lock.
type shed struct {
	mu sync.RWMutex
	n  int
}

func (y *yard) status() int {
	y.mu.RLock()
	defer y.mu.RUnlock()
	return len(y.boxes)
}

func (y *yard) tryStatus() int {
	if !y.mu.TryRLock() {
		return -1
	}
	defer y.mu.RUnlock()
	return len(y.boxes)
}

func (s *shed) count() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.n
}

func (b *box) weigh() int    { return b.size * b.yard.status() }
func (b *box) tryWeigh() int { return b.size * b.yard.tryStatus() }
func (b *box) shedSize() int { return b.other.count() }

// scanCopy copies the elements under the lock and weighs them after
// releasing it.
func (y *yard) scanCopy() int {
	y.mu.RLock()
	list := make([]*box, 0, len(y.boxes))
	for _, b := range y.boxes {
		list = append(list, b)
	}
	y.mu.RUnlock()
	total := 0
	for _, b := range list {
		total += b.weigh()
	}
	return total
}

// scanTry only tries the yard's lock through the link.
func (y *yard) scanTry() int {
	y.mu.RLock()
	defer y.mu.RUnlock()
	total := 0
	for _, b := range y.boxes {
		total += b.tryWeigh()
	}
	return total
}

// scanSheds locks another type's mutex through the elements.
func (y *yard) scanSheds() int {
	y.mu.RLock()
	defer y.mu.RUnlock()
	total := 0
	for _, b := range y.boxes {
		total += b.shedSize()
	}
	return total
}

// weighOther weighs a box handed in, not one of this yard's elements:
// its link may lead to another yard.
func (y *yard) weighOther(b *box) int {
	y.mu.RLock()
	defer y.mu.RUnlock()
	return b.weigh()
}

// scanAsync weighs each element in its own goroutine.
func (y *yard) scanAsync() {
	y.mu.RLock()
	defer y.mu.RUnlock()
	for _, b := range y.boxes {
		go b.weigh()
	}
}
