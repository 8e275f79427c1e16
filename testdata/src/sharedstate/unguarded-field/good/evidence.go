package good

import "sync"

// Hard negatives for the evidence unguarded-field asks beyond the
// majority of locked accesses.

// log.tail is called unlocked only by the exported constructor, on the
// value it is building (modelled on etcd's WAL: Create and Open call tail
// before returning the WAL, every other caller holds w.mu).
type segLog struct {
	mu   sync.Mutex
	segs []string
}

func (l *segLog) tail() string { return l.segs[len(l.segs)-1] }

func (l *segLog) Append(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	_ = l.tail()
	l.segs = append(l.segs, s)
}

func (l *segLog) Last() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.tail()
}

func OpenLog(first string) *segLog {
	l := &segLog{segs: []string{first}}
	_ = l.tail()
	return l
}

// broker hands its lock to the goroutine that finishes connecting, which
// releases it when done (modelled on sarama's Broker.Open): the helper the
// goroutine calls runs with b.mu held.
type broker struct {
	mu      sync.Mutex
	metrics map[string]int
}

func (b *broker) Open() {
	b.mu.Lock()
	go func() {
		defer b.mu.Unlock()
		b.register()
	}()
}

func (b *broker) register() {
	b.metrics = map[string]int{}
}

func (b *broker) Count() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.metrics)
}

func (b *broker) Reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.metrics = nil
}

// loopConn.headers is written only by the connection's read loop, under c.mu
// for the other goroutines' readers; the loop reading its own writes back
// needs no lock (modelled on nats-server's client read loop and
// c.headers, a false positive of the corpus triage).
type loopConn struct {
	mu      sync.Mutex
	headers bool
}

func (c *loopConn) Start() { go c.readLoop() }

func (c *loopConn) readLoop() {
	for {
		c.mu.Lock()
		c.headers = true
		c.mu.Unlock()
		if c.headers {
			return
		}
	}
}

func (c *loopConn) Headers() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.headers
}
