// Package missed holds positive cases the engine does not report yet. Each
// keeps its want comment and says what the engine does wrong; once fixed, a
// case moves back to its rule's bad/ directory. TestPending runs them with
// RESOURCECLOSE_PENDING=1.
package missed

import (
	"bufio"
	"context"
	"crypto/tls"
	"database/sql"
	"os"
)

// bufioNeverClosed: the file is read through a bufio.Reader; wrapping it
// neither releases nor transfers it.
//
// Engine: bufio.NewReader's summary says param 0 escapes:
// NewReaderSize hands rd to (*Reader).reset, which stores it through its
// receiver (*b = Reader{rd: r}); summary.go counts a store into a parameter
// as an escape, and returnedAllocs only sees stores into the returned
// allocation made in the function itself, so the wrap is not seen.
func bufioNeverClosed(name string) (string, error) {
	f, err := os.Open(name) // want `file f from os\.Open`
	if err != nil {
		return "", err
	}
	r := bufio.NewReader(f)
	return r.ReadString('\n')
}

// tlsConnectionState: a TLS connection dialled for its certificate chain
// and dropped.
//
// Engine: (*tls.Conn).ConnectionState's summary says the receiver escapes:
// connectionStateLocked stores a closure capturing c into state.ekm, and a
// store of a closure carrying the resource into anything but a returned
// allocation is an escape (track.go classify, *ssa.Store). Every use of a
// *tls.Conn that can handshake escapes the same way (handshakeContext
// starts a goroutine capturing c).
func tlsConnectionState(addr string) (int, error) {
	c, err := tls.Dial("tcp", addr, &tls.Config{}) // want `connection c from tls\.Dial`
	if err != nil {
		return 0, err
	}
	return len(c.ConnectionState().PeerCertificates), nil
}

// rowsScanErrorReturn: the rows are closed after the loop, but a Scan
// error returns from inside it with the rows open.
//
// Engine: (*sql.Rows).Scan's summary says the receiver escapes:
// convertAssignRows (database/sql/convert.go) stores a closure capturing
// rows into rows.cancel for nested cursors, so every Scan ends the
// obligation on its path (track.go classify, *ssa.Store of a carried
// closure). A store into a field of the resource itself should not count
// as an escape.
func rowsScanErrorReturn(ctx context.Context, db *sql.DB) (int, error) {
	rows, err := db.QueryContext(ctx, "select id from jobs") // want `sql\.Rows rows from db\.QueryContext`
	if err != nil {
		return 0, err
	}
	total := 0
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		total += id
	}
	rows.Close()
	return total, rows.Err()
}

// dbPingDropped: a *sql.DB opened, pinged and dropped.
//
// Engine: (*sql.DB).Ping's summary says the receiver escapes: (*DB).conn
// stores db into a new driverConn{db: db} and into connection requests, so
// any method that may open a connection ends the obligation.
func dbPingDropped(dsn string) error {
	db, err := sql.Open("postgres", dsn) // want `sql\.DB db from sql\.Open`
	if err != nil {
		return err
	}
	return db.Ping()
}

// connNeverClosed: a dedicated sql.Conn is never returned to the pool.
//
// Engine: (*sql.Conn).ExecContext's summary says the receiver escapes, the
// same way as *sql.Tx (pending/missed execErrorNoRollback): Conn.grabConn
// returns c.dc and the method value c.closemuRUnlockCondReleaseConn, and
// the tuple's Extracts all count as carrying c.
func connNeverClosed(ctx context.Context, db *sql.DB) error {
	conn, err := db.Conn(ctx) // want `sql\.Conn conn from db\.Conn`
	if err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, "set search_path = app")
	return err
}

// rowsNeverClosed: rows iterated to the end are closed by Next (it closes
// them when it returns false), but a Scan error returns from inside the
// loop with the rows open, holding a pooled connection.
//
// Engine: two faults meet here. The Scan error return is not seen (every
// (*sql.Rows).Scan escapes the rows, see rowsScanErrorReturn), and the
// final return is reported instead, although a Next that returned false
// has closed the rows: the engine treats Next as a borrow on both edges.
// The false edge of rows.Next() should count as a release (see
// pending/false-positive rowsDrainedNoClose).
func rowsNeverClosed(db *sql.DB) ([]string, error) {
	rows, err := db.Query("select name from users") // want `sql\.Rows rows from db\.Query .* returning at line 122`
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err // leaks here
		}
		names = append(names, n)
	}
	return names, rows.Err()
}
