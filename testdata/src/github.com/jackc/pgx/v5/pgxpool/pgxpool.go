// Package pgxpool is a stub of github.com/jackc/pgx/v5/pgxpool's API
// shape for fixtures: a pool whose Query borrows a connection for the
// rows' lifetime, and connections acquired from it, given back with
// Release or taken out of the pool with Hijack.
package pgxpool

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// Pool is a connection pool.
type Pool struct{ conn *pgx.Conn }

func New(ctx context.Context, connString string) (*Pool, error) { return &Pool{}, nil }

func (p *Pool) Acquire(ctx context.Context) (*Conn, error) { return &Conn{p: p, conn: p.conn}, nil }
func (p *Pool) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	return p.conn.Query(ctx, sql, args...)
}
func (p *Pool) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	return p.conn.QueryRow(ctx, sql, args...)
}
func (p *Pool) Exec(ctx context.Context, sql string, args ...any) (pgx.CommandTag, error) {
	return p.conn.Exec(ctx, sql, args...)
}
func (p *Pool) SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults {
	return p.conn.SendBatch(ctx, b)
}
func (p *Pool) Begin(ctx context.Context) (pgx.Tx, error) { return p.conn.Begin(ctx) }
func (p *Pool) Close()                                    {}

// Conn is a connection acquired from a Pool.
type Conn struct {
	p    *Pool
	conn *pgx.Conn
}

func (c *Conn) Release()                       { c.conn = nil }
func (c *Conn) Hijack() *pgx.Conn              { conn := c.conn; c.conn = nil; return conn }
func (c *Conn) Conn() *pgx.Conn                { return c.conn }
func (c *Conn) Ping(ctx context.Context) error { return nil }
func (c *Conn) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	return c.conn.Query(ctx, sql, args...)
}
func (c *Conn) Exec(ctx context.Context, sql string, args ...any) (pgx.CommandTag, error) {
	return c.conn.Exec(ctx, sql, args...)
}
