// Package pgxpool is a stub of github.com/jackc/pgx/v4/pgxpool's API
// shape for fixtures.
package pgxpool

import (
	"context"

	"github.com/jackc/pgx/v4"
)

// Pool is a connection pool.
type Pool struct{ conn *pgx.Conn }

func (p *Pool) Acquire(ctx context.Context) (*Conn, error) { return &Conn{conn: p.conn}, nil }
func (p *Pool) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	return p.conn.Query(ctx, sql, args...)
}

// Conn is a connection acquired from a Pool.
type Conn struct{ conn *pgx.Conn }

func (c *Conn) Release() { c.conn = nil }
