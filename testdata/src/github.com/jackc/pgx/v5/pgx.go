// Package pgx is a stub of github.com/jackc/pgx/v5's API shape for
// fixtures: the rows a query returns, the connection and transaction that
// make them, and the helpers that read rows to the end and close them
// (their bodies close, as pgx's do, so the engine's summaries see it).
package pgx

import "context"

// Rows are the result of a query; Next closes them when it returns false.
type Rows interface {
	Close()
	Err() error
	Next() bool
	Scan(dest ...any) error
	Values() ([]any, error)
}

// Row is QueryRow's result: Scan closes the rows it reads.
type Row interface {
	Scan(dest ...any) error
}

// CollectableRow is the row a RowToFunc is handed.
type CollectableRow interface {
	Scan(dest ...any) error
}

// RowToFunc maps one row to a value.
type RowToFunc[T any] func(row CollectableRow) (T, error)

// CommandTag is a statement's completion tag.
type CommandTag struct{ s string }

// Conn is a single connection.
type Conn struct{ rows *connRows }

type connRows struct{ closed bool }

func (r *connRows) Close()                 { r.closed = true }
func (r *connRows) Err() error             { return nil }
func (r *connRows) Next() bool             { return false }
func (r *connRows) Scan(dest ...any) error { return nil }
func (r *connRows) Values() ([]any, error) { return nil, nil }

func Connect(ctx context.Context, connString string) (*Conn, error) { return &Conn{}, nil }

func (c *Conn) Query(ctx context.Context, sql string, args ...any) (Rows, error) {
	return &connRows{}, nil
}

// QueryRow hands out the rows of Query as a Row, as pgx does.
func (c *Conn) QueryRow(ctx context.Context, sql string, args ...any) Row {
	rows, _ := c.Query(ctx, sql, args...)
	return rows.(*connRows)
}
func (c *Conn) Exec(ctx context.Context, sql string, args ...any) (CommandTag, error) {
	return CommandTag{}, nil
}
func (c *Conn) Begin(ctx context.Context) (Tx, error) { return nil, nil }
func (c *Conn) Close(ctx context.Context) error       { return nil }
func (c *Conn) IsClosed() bool                        { return false }

// Batch queues queries sent together.
type Batch struct{ queries []string }

// Queue adds a query to the batch.
func (b *Batch) Queue(sql string, args ...any) { b.queries = append(b.queries, sql) }

// BatchResults reads a sent batch's results; Close reads the rest.
type BatchResults interface {
	Exec() (CommandTag, error)
	Query() (Rows, error)
	QueryRow() Row
	Close() error
}

type batchResults struct{}

func (br *batchResults) Exec() (CommandTag, error) { return CommandTag{}, nil }
func (br *batchResults) Query() (Rows, error)      { return &connRows{}, nil }
func (br *batchResults) QueryRow() Row             { return &connRows{} }
func (br *batchResults) Close() error              { return nil }

// SendBatch sends the batch's queries at once.
func (c *Conn) SendBatch(ctx context.Context, b *Batch) BatchResults { return &batchResults{} }

// Tx is a transaction (an interface in pgx).
type Tx interface {
	Query(ctx context.Context, sql string, args ...any) (Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) Row
	Exec(ctx context.Context, sql string, args ...any) (CommandTag, error)
	SendBatch(ctx context.Context, b *Batch) BatchResults
	Begin(ctx context.Context) (Tx, error)
	Commit(ctx context.Context) error
	Rollback(ctx context.Context) error
}

// CollectRows reads every row with fn and closes the rows.
func CollectRows[T any](rows Rows, fn RowToFunc[T]) ([]T, error) {
	return AppendRows([]T{}, rows, fn)
}

// AppendRows appends every row read with fn and closes the rows.
func AppendRows[T any, S ~[]T](slice S, rows Rows, fn RowToFunc[T]) (S, error) {
	defer rows.Close()
	for rows.Next() {
		v, err := fn(rows)
		if err != nil {
			return nil, err
		}
		slice = append(slice, v)
	}
	return slice, rows.Err()
}

// CollectOneRow reads the first row with fn and closes the rows.
func CollectOneRow[T any](rows Rows, fn RowToFunc[T]) (T, error) {
	defer rows.Close()
	var v T
	if !rows.Next() {
		return v, rows.Err()
	}
	v, err := fn(rows)
	rows.Close()
	return v, err
}

// ForEachRow scans every row into scans, calls fn, and closes the rows.
func ForEachRow(rows Rows, scans []any, fn func() error) (CommandTag, error) {
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(scans...); err != nil {
			return CommandTag{}, err
		}
		if err := fn(); err != nil {
			return CommandTag{}, err
		}
	}
	return CommandTag{}, rows.Err()
}

// RowTo scans a row's only column into a T.
func RowTo[T any](row CollectableRow) (T, error) {
	var v T
	err := row.Scan(&v)
	return v, err
}
