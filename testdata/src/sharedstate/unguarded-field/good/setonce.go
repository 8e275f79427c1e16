package good

import "sync"

type conn struct {
	mu      sync.Mutex
	headers bool
	nonce   []byte
	pending int
}

// handshake binds what the peer announced, once per connection, under
// c.mu by habit (modelled on nats-server's processConnect setting
// c.headers and the INFO nonce).
func (c *conn) handshake(headers bool, nonce []byte) {
	c.mu.Lock()
	c.headers = headers
	c.nonce = nonce
	c.pending++
	c.mu.Unlock()
}

// Info reads the bound values under the lock too.
func (c *conn) Info() (bool, []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.headers, c.nonce
}

// Deliver reads the handshake's values without the lock: they are set
// once and never changed, so there is no write to race with.
func (c *conn) Deliver(msg []byte) []byte {
	if !c.headers {
		return msg
	}
	return append(c.nonce, msg...)
}

type sendStream struct {
	mu   sync.Mutex
	outq *[]string
}

// setupSend creates the queue once: a second call finds it set and
// returns (modelled on nats-server's stream.setupSendCapabilities).
func (s *sendStream) setupSend() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.outq != nil {
		return
	}
	s.outq = new([]string)
}

// Queue reads the queue under the lock.
func (s *sendStream) Queue() *[]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.outq
}

// Send reads the queue without the lock: once set, it never changes.
func (s *sendStream) Send(m string) {
	*s.outq = append(*s.outq, m)
}
