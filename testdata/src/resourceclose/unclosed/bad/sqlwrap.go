package bad

import "database/sql"

// Modelled on sqlclosecheck's testdata (ryanrolds/sqlclosecheck,
// testdata/sqlx_examples): sqlx prepares through an interface its DB
// satisfies and returns the statement inside its own struct; a caller that
// forgets Close on that struct leaks the statement.

type preparer interface {
	Prepare(query string) (*sql.Stmt, error)
}

// wrappedStmt embeds the statement: its Close is the statement's.
type wrappedStmt struct {
	*sql.Stmt
	unsafe bool
}

// namedStmt holds a wrappedStmt in a named field and closes it itself.
type namedStmt struct {
	query string
	stmt  *wrappedStmt
}

func (n *namedStmt) Close() error { return n.stmt.Close() }

func prepareWrapped(p preparer, query string) (*wrappedStmt, error) {
	s, err := p.Prepare(query)
	if err != nil {
		return nil, err
	}
	return &wrappedStmt{Stmt: s}, nil
}

func prepareNamed(p preparer, query string) (*namedStmt, error) {
	s, err := prepareWrapped(p, query)
	if err != nil {
		return nil, err
	}
	return &namedStmt{query: query, stmt: s}, nil
}

func viaInterface(p preparer) error {
	s, err := p.Prepare("delete from jobs") // want `sql\.Stmt s from p\.Prepare`
	if err != nil {
		return err
	}
	_, err = s.Exec()
	return err
}

func wrapperNeverClosed(db *sql.DB) error {
	s, err := prepareWrapped(db, "delete from jobs") // want `sql\.Stmt s from prepareWrapped`
	if err != nil {
		return err
	}
	_, err = s.Exec()
	return err
}

func namedNeverClosed(db *sql.DB) {
	s, err := prepareNamed(db, "select 1") // want `sql\.Stmt s from prepareNamed`
	if err != nil {
		return
	}
	_ = s
}

// forgetClose takes the statement and does not close it.
func forgetClose(s *wrappedStmt) {
	if s != nil {
		s.unsafe = false
	}
}

func deferredHelperForgets(db *sql.DB) {
	s, err := prepareWrapped(db, "select 1") // want `sql\.Stmt s from prepareWrapped`
	if err != nil {
		return
	}
	defer forgetClose(s)
	_, _ = s.Exec()
}

// queriedNeverClosed: querying through a statement leaves it the
// caller's to close (database/sql records it internally, which is not a
// hand-off).
func queriedNeverClosed(db *sql.DB) (int, error) {
	s, err := db.Prepare("select count(*) from jobs") // want `sql\.Stmt s from db\.Prepare`
	if err != nil {
		return 0, err
	}
	var n int
	err = s.QueryRow().Scan(&n)
	return n, err
}
