// Package pgx is a stub of github.com/jackc/pgx/v4's API shape for
// fixtures: v4's rows and connections are shaped as v5's.
package pgx

import "context"

// Rows are the result of a query; Next closes them when it returns false.
type Rows interface {
	Close()
	Err() error
	Next() bool
	Scan(dest ...any) error
}

// Conn is a single connection.
type Conn struct{}

type connRows struct{}

func (r *connRows) Close()                 {}
func (r *connRows) Err() error             { return nil }
func (r *connRows) Next() bool             { return false }
func (r *connRows) Scan(dest ...any) error { return nil }

func (c *Conn) Query(ctx context.Context, sql string, args ...any) (Rows, error) {
	return &connRows{}, nil
}
