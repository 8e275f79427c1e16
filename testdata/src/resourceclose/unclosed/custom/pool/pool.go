// Package pool is a project's own resource API, declared to reviewlint in
// configuration (settings.resourceclose.kinds).
package pool

type Pool struct{}

type Conn struct{}

// Get takes a connection from the pool; Release gives it back.
func (p *Pool) Get() (*Conn, error) { return &Conn{}, nil }

func (c *Conn) Release() {}

// Lease is released by Return or Discard.
type Lease struct{}

func Acquire(name string) (*Lease, error) { return &Lease{}, nil }

func (l *Lease) Return()  {}
func (l *Lease) Discard() {}

// GenPool is a generic pool: a configuration names its methods without
// type arguments, "(*pkg.GenPool).Get", and means every instantiation.
type GenPool[T any] struct{}

func (p *GenPool[T]) Get() (*Conn, error) { return &Conn{}, nil }

// AcquireOf is a generic constructor, named without type arguments too.
func AcquireOf[T any](name string) (*Lease, error) { return &Lease{}, nil }
