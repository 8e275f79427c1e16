package ops

// Channels kept in a slice field whose every use the index follows: one
// class for the elements.
type fanout struct{ outs []chan int }

func newFanout() *fanout {
	f := &fanout{}
	f.outs = append(f.outs, make(chan int), make(chan int))
	return f
}

func (f *fanout) broadcast(v int) {
	for _, ch := range f.outs {
		ch <- v // want `send\(chanflow/ops.fanout.outs\[\]\) closed`
	}
}

func (f *fanout) first() int {
	return <-f.outs[0] // want `recv\(chanflow/ops.fanout.outs\[\]\) closed`
}

// A slice field handed out: its elements have no class.
type leaky struct{ outs []chan int }

func newLeaky() *leaky { return &leaky{outs: []chan int{make(chan int)}} }

func (l *leaky) all() []chan int { return l.outs }

func (l *leaky) first() int { return <-l.outs[0] }

// A slice field assigned a slice from elsewhere: no class either.
type given struct{ outs []chan int }

func (g *given) set(outs []chan int) { g.outs = outs }

func (g *given) first() int { return <-g.outs[0] }
