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
