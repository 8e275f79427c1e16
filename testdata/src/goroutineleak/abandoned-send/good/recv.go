package good

import "context"

// The receiver selects on the done channel too: it gives up with the
// sender.
type relay struct {
	out  chan int
	done chan struct{}
}

func newRelay() *relay { return &relay{out: make(chan int), done: make(chan struct{})} }

func (r *relay) pump(ctx context.Context) {
	select {
	case r.out <- 1:
	case <-ctx.Done():
	}
}

func (r *relay) take(ctx context.Context) (int, bool) {
	select {
	case v := <-r.out:
		return v, true
	case <-ctx.Done():
		return 0, false
	}
}

// The sender closes the channel as it gives up: the receive gets the zero
// value and goes on.
type closer struct{ out chan int }

func newCloser() *closer { return &closer{out: make(chan int)} }

func (c *closer) pump(ctx context.Context) {
	defer close(c.out)
	select {
	case c.out <- 1:
	case <-ctx.Done():
	}
}

func (c *closer) take() int { return <-c.out }

// One sender has no way out: the receive waits for it.
type mixed struct{ out chan int }

func newMixed() *mixed { return &mixed{out: make(chan int)} }

func (m *mixed) pump(ctx context.Context) {
	select {
	case m.out <- 1:
	case <-ctx.Done():
	}
}

func (m *mixed) push(v int) { m.out <- v }

func (m *mixed) take() int { return <-m.out }

// The sender gives up on a timer only: it comes back and sends again.
type retry struct {
	out  chan int
	tick chan int
}

func newRetry() *retry { return &retry{out: make(chan int), tick: make(chan int)} }

func (r *retry) pump() {
	for {
		select {
		case r.out <- 1:
			return
		case <-r.tick:
		}
	}
}

func (r *retry) take() int { return <-r.out }

// A receive in a method other packages call, from a sender that gives up
// on a stop channel nothing else in the package selects on: whether its
// callers receive only before the stop is out of sight.
type Source struct {
	vals chan int
	stop chan struct{}
}

func NewSource() *Source {
	s := &Source{vals: make(chan int), stop: make(chan struct{})}
	go s.run()
	return s
}

func (s *Source) run() {
	for i := 0; ; i++ {
		select {
		case s.vals <- i:
		case <-s.stop:
			return
		}
	}
}

func (s *Source) Next() int { return <-s.vals }

func (s *Source) Close() { close(s.stop) }

// The caller selects on ctx.Done() as well.
func compute(ctx context.Context) (int, error) {
	ch := make(chan int)
	go func() {
		select {
		case ch <- 1:
		case <-ctx.Done():
		}
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

// The slice of channels is handed out: receivers elsewhere are out of
// sight.
type replica struct{ chans []chan bool }

func newReplica() *replica {
	return &replica{chans: []chan bool{make(chan bool)}}
}

func (r *replica) send(ctx context.Context) {
	for _, ch := range r.chans {
		select {
		case ch <- true:
		case <-ctx.Done():
			return
		}
	}
}

func (r *replica) drain() {
	for _, ch := range r.chans {
		<-ch
	}
}

func (r *replica) all() []chan bool { return r.chans }

// The senders close the channels they give up on.
type closing struct{ chans []chan bool }

func newClosing() *closing {
	return &closing{chans: []chan bool{make(chan bool)}}
}

func (c *closing) send(ctx context.Context) {
	for _, ch := range c.chans {
		select {
		case ch <- true:
		case <-ctx.Done():
			close(ch)
			return
		}
	}
}

func (c *closing) drain() {
	for _, ch := range c.chans {
		<-ch
	}
}

// Buffered elements: the rule keeps to unbuffered channels.
type buffered struct{ chans []chan bool }

func newBufferedSlice() *buffered {
	b := &buffered{}
	b.chans = append(b.chans, make(chan bool, 1))
	return b
}

func (b *buffered) send(ctx context.Context) {
	for _, ch := range b.chans {
		select {
		case ch <- true:
		case <-ctx.Done():
			return
		}
	}
}

func (b *buffered) drain() {
	for _, ch := range b.chans {
		<-ch
	}
}

// The senders give up on a channel the receiver itself closes once it has
// stopped receiving: they leave only after it has. Modelled on the
// shutdown of etcd-io/etcd#3077's server loop (Stop selects on done, which
// run closes on its way out).
type loop struct {
	stop chan struct{}
	done chan struct{}
}

func newLoop() *loop {
	l := &loop{stop: make(chan struct{}), done: make(chan struct{})}
	go l.run()
	return l
}

func (l *loop) run() {
	defer close(l.done)
	<-l.stop
}

func (l *loop) halt() {
	select {
	case l.stop <- struct{}{}:
	case <-l.done:
	}
}
