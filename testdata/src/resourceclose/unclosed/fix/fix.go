// Package fix holds resourceclose/unclosed cases with a suggested fix
// (defer the release after the error check); fix.go.golden is the file
// with every fix applied. Cases at the end are reported without a fix, and
// stay unchanged in the golden file.
package fix

import (
	"archive/zip"
	"context"
	"database/sql"
	"io"
	"log"
	"net"
	"os"
)

// openNoClose: defer f.Close() goes after the error check.
func openNoClose(name string) ([]byte, error) {
	f, err := os.Open(name) // want `file f from os\.Open`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(f)
}

// createNoClose: the error check's body is several statements long.
func createNoClose(name string, data []byte) error {
	out, err := os.Create(name) // want `file out from os\.Create`
	if err != nil {
		log.Printf("create %s: %v", name, err)
		return err
	}
	_, err = out.Write(data)
	return err
}

// varDecl: the acquisition is a var declaration.
func varDecl(name string) (int64, error) {
	var f, err = os.Open(name) // want `file f from os\.Open`
	if err != nil {
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// rowsColumns: defer rows.Close() (the rows are only asked for their
// columns).
func rowsColumns(ctx context.Context, db *sql.DB, table string) ([]string, error) {
	rows, err := db.QueryContext(ctx, "select * from "+table+" limit 0") // want `sql\.Rows rows from db\.QueryContext`
	if err != nil {
		return nil, err
	}
	return rows.Columns()
}

// stmtNoClose: defer stmt.Close().
func stmtNoClose(db *sql.DB, id int) error {
	stmt, err := db.Prepare("delete from jobs where id = ?") // want `sql\.Stmt stmt from db\.Prepare`
	if err != nil {
		return err
	}
	_, err = stmt.Exec(id)
	return err
}

// dialNoClose: defer conn.Close().
func dialNoClose(addr string) error {
	conn, err := net.Dial("tcp", addr) // want `connection conn from net\.Dial`
	if err != nil {
		return err
	}
	_, err = conn.Write([]byte("ping\n"))
	return err
}

// listenNoClose: defer ln.Close().
func listenNoClose(addr string) (string, error) {
	ln, err := net.Listen("tcp", addr) // want `listener ln from net\.Listen`
	if err != nil {
		return "", err
	}
	return ln.Addr().String(), nil
}

// zipNoClose: defer zr.Close().
func zipNoClose(name string) (int, error) {
	zr, err := zip.OpenReader(name) // want `zip reader zr from zip\.OpenReader`
	if err != nil {
		return 0, err
	}
	return len(zr.File), nil
}

// The cases below are reported without a fix.

// closedOnSomePath: the file is closed on one path already; where the
// defer belongs is a judgement call, so no fix is offered.
func closedOnSomePath(name string, keep bool) error {
	f, err := os.Open(name) // want `file f from os\.Open`
	if err != nil {
		return err
	}
	if keep {
		return nil
	}
	return f.Close()
}

// inLoop: a defer inside a loop would pile up until the function returns;
// no fix.
func inLoop(names []string) error {
	for _, n := range names {
		f, err := os.Open(n) // want `file f from os\.Open`
		if err != nil {
			return err
		}
		if _, err := f.Stat(); err != nil {
			return err
		}
	}
	return nil
}

// checkNotNext: a statement sits between the acquisition and its error
// check; no fix.
func checkNotNext(name string) error {
	f, err := os.Open(name) // want `file f from os\.Open`
	log.Printf("opened %s", name)
	if err != nil {
		return err
	}
	_, err = f.Stat()
	return err
}

// checkWithElse: the error check has an else branch; no fix.
func checkWithElse(name string) (int64, error) {
	f, err := os.Open(name) // want `file f from os\.Open`
	if err != nil {
		return 0, err
	} else {
		st, err := f.Stat()
		if err != nil {
			return 0, err
		}
		return st.Size(), nil
	}
}
