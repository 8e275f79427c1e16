package custom

import (
	"errors"

	"resourceclose/unclosed/custom/pool"
)

// A configured method constructor, not released on the error path.
func query(p *pool.Pool, bad bool) error {
	c, err := p.Get() // want `resource \(\(pool.Pool\).Get\) c from p.Get \(line 11\) is not released on the path returning at line 16; add defer c.Release\(\)`
	if err != nil {
		return err
	}
	if bad {
		return errors.New("bad")
	}
	c.Release()
	return nil
}

// A configured function constructor released by one of its two methods.
func lease() error {
	l, err := pool.Acquire("x")
	if err != nil {
		return err
	}
	defer l.Discard()
	return nil
}

// Returned to the caller: ownership moves.
func get(p *pool.Pool) (*pool.Conn, error) {
	return p.Get()
}

// A wrapper's callers owe the release too (its summary says it returns one).
func useWrapper(p *pool.Pool) {
	c, err := get(p) // want `is not released`
	if err != nil {
		return
	}
	_ = c
}

// A configured method of a generic type matches every instantiation (the
// name is the origin's: before, GenPool[int]'s Get matched nothing).
func genericQuery(p *pool.GenPool[int], bad bool) error {
	c, err := p.Get() // want `resource \(\(pool.GenPool\).Get\) c from p.Get`
	if err != nil {
		return err
	}
	if bad {
		return errors.New("bad")
	}
	c.Release()
	return nil
}

// Released on every path: nothing to report, whatever the type argument.
func genericReleased(p *pool.GenPool[string]) error {
	c, err := p.Get()
	if err != nil {
		return err
	}
	defer c.Release()
	return nil
}

// A configured generic function, instantiated, not released.
func genericLease() {
	l, err := pool.AcquireOf[int]("x") // want `resource \(pool.AcquireOf\) l from pool.AcquireOf`
	if err != nil {
		return
	}
	_ = l
}
