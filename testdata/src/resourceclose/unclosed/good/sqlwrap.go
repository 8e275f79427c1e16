package good

import "database/sql"

type preparer interface {
	Prepare(query string) (*sql.Stmt, error)
}

type wrappedStmt struct {
	*sql.Stmt
	unsafe bool
}

func prepareWrapped(p preparer, query string) (*wrappedStmt, error) {
	s, err := p.Prepare(query)
	if err != nil {
		return nil, err
	}
	return &wrappedStmt{Stmt: s}, nil
}

// closedThroughPromotedClose: the embedded statement's Close is called on
// the wrapper.
func closedThroughPromotedClose(db *sql.DB) error {
	s, err := prepareWrapped(db, "delete from jobs")
	if err != nil {
		return err
	}
	defer s.Close()
	_, err = s.Exec()
	return err
}

// closedViaInterface: prepared through the interface and closed.
func closedViaInterface(p preparer) error {
	s, err := p.Prepare("delete from jobs")
	if err != nil {
		return err
	}
	defer s.Close()
	_, err = s.Exec()
	return err
}

// holder keeps the statement in an unexported field and has no Close: a
// caller cannot release it through the struct, so the struct is not the
// caller's resource (whoever made it keeps that duty).
type holder struct{ s *sql.Stmt }

func newHolder(db *sql.DB) (*holder, error) {
	s, err := db.Prepare("select 1")
	if err != nil {
		return nil, err
	}
	return &holder{s: s}, nil
}

func useHolder(db *sql.DB) {
	h, err := newHolder(db)
	if err != nil {
		return
	}
	_ = h
}

var cache = map[string]*wrappedStmt{}

// cachedWrapper: the wrapper is also kept in a cache, so the function
// keeps a share of it and its caller is not the sole owner.
func cachedWrapper(db *sql.DB, q string) (*wrappedStmt, error) {
	s, err := db.Prepare(q)
	if err != nil {
		return nil, err
	}
	w := &wrappedStmt{Stmt: s}
	cache[q] = w
	return w, nil
}

func useCached(db *sql.DB) {
	w, err := cachedWrapper(db, "select 1")
	if err != nil {
		return
	}
	_ = w
}

// stmtSource hands out statements through an interface; the caller
// closes what it is given.
type stmtSource interface {
	Stmt(query string) (*sql.Stmt, error)
}

func fromSource(src stmtSource) error {
	s, err := src.Stmt("select 1")
	if err != nil {
		return err
	}
	defer s.Close()
	_, err = s.Exec()
	return err
}

// queriedThenClosed: the statement serves a query and is closed.
func queriedThenClosed(db *sql.DB) ([]int, error) {
	s, err := db.Prepare("select id from jobs")
	if err != nil {
		return nil, err
	}
	defer s.Close()
	rows, err := s.Query()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
