// Package fix checks what leaks says of a leaking acquisition: its
// description (What), the first leaking exit, the advice, the release
// statement, the related positions, and the deferred-release fix with
// where it goes (fix.go.golden). The test reporter's message reads
// "<what>; <exit>; <advice>; release <stmt>; <n> related".
package fix

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
)

func use(any) {}

// afterCheck: the defer goes after the error check that follows.
func afterCheck(name string) error {
	f, err := os.Open(name) // want `^file f from os\.Open \(line 19\); leaves at line 24; add a release; release f\.Close\(\); 1 related$`
	if err != nil {
		return err
	}
	use(f)
	return nil
}

// declared with var: a declaration statement is an assignment too.
func declared(name string) error {
	var f, err = os.Open(name) // want `^file f from os\.Open \(line 29\); leaves at line 34;`
	if err != nil {
		return err
	}
	use(f)
	return nil
}

// noError: the call returns no error, so the defer goes right after the
// statement, past its trailing comment.
func noError(fd uintptr) {
	f := os.NewFile(fd, "inherited") // want `^file f from os\.NewFile \(line 40\); leaves at line 42;`
	use(f)
}

// cancel: a cancel func is released by calling it.
func cancel(ctx context.Context) {
	ctx, stop := context.WithCancel(ctx) // want `^cancel func stop from context\.WithCancel \(line 46\); leaves at line 49; add a release; release stop\(\); 1 related$`
	_ = stop
	use(ctx)
}

// cancelCause: a CancelCauseFunc takes the cause.
func cancelCause(ctx context.Context) {
	ctx, stop := context.WithCancelCause(ctx) // want `release stop\(nil\);`
	_ = stop
	use(ctx)
}

// rollback: a transaction committed on one path only is a missing
// branch, yet Rollback after Commit is harmless, so the fix is offered
// (the reporter passes the kind's Transaction, as resourceclose does).
func rollback(db *sql.DB) error {
	tx, err := db.Begin() // want `^sql\.Tx tx from db\.Begin \(line 62\); leaves at line 70; add a release; release tx\.Rollback\(\); 1 related$`
	if err != nil {
		return err
	}
	if db == nil {
		return tx.Commit()
	}
	use(tx)
	return nil
}

// elseBranch: the check has an else, so there is no plain place for the
// defer: no fix.
func elseBranch(name string) error {
	f, err := os.Open(name) // want `^file f from os\.Open \(line 76\); leaves at line 82; add a release; release f\.Close\(\); 1 related$`
	if err != nil {
		return err
	} else {
		use(f)
	}
	return nil
}

// otherCheck: the statement after is not "err != nil": no fix.
func otherCheck(name string) error {
	f, err := os.Open(name) // want `^file f from os\.Open \(line 87\); leaves at line 91; add a release; release f\.Close\(\); 1 related$`
	if err == nil {
		use(f)
	}
	return err
}

// releasedElsewhere: closed on one path, so a deferred Close would close
// it twice on that one: no fix.
func releasedElsewhere(name string, ok bool) error {
	f, err := os.Open(name) // want `^file f from os\.Open \(line 97\); leaves at line 105; add a release; release f\.Close\(\); 1 related$`
	if err != nil {
		return err
	}
	if ok {
		return f.Close()
	}
	use(f)
	return nil
}

// inLoop: leaks on the next iteration and at the return after the loop;
// the return is the exit named. No fix in a loop.
func inLoop(names []string) {
	for _, n := range names {
		f, err := os.Open(n) // want `^file f from os\.Open \(line 112\); leaves at line 118; add a release; release f\.Close\(\); 1 related$`
		if err != nil {
			continue
		}
		use(f)
	}
}

// forever: the only leaking path is the loop back to the acquisition.
func forever(fd uintptr) {
	for {
		f := os.NewFile(fd, "again") // want `loops`
		use(f)
	}
}

// discarded: the resource has no name, so nothing releases it and its
// leak has no exit or related position; no fix.
func discarded(name string) {
	os.Open(name) // want `^file from os\.Open \(line 131\); loops; add a release; release x\.Close\(\); 0 related$`
}

// blank: assigned to _: discarded too.
func blank(name string) {
	_, _ = os.Open(name) // want `^file from os\.Open \(line 136\); leaves at line 137; add a release; release x\.Close\(\); 1 related$`
}

// deferredOtherPaths: the deferred func releases it on other paths only.
func deferredOtherPaths(name string, keep bool) error {
	f, err := os.Open(name) // want `^file f from os\.Open \(line 141\); leaves at line 153; the deferred func at line 145 releases it on other paths only; release f\.Close\(\); 2 related$`
	if err != nil {
		return err
	}
	defer func() {
		if !keep {
			f.Close()
		}
	}()
	if keep {
		use(f)
	}
	return nil
}

// cleared: the deferred func closes f, but this path sets it to nil
// first.
func cleared(name string) error {
	f, err := os.Open(name) // want `^file f from os\.Open \(line 159\); leaves at line 169; f is nil when the deferred func at line 163 runs \(set on this path, or by this return into a named result\), so it releases nothing; release it before returning, or keep it in a variable the return does not clear; release f\.Close\(\); 2 related$`
	if err != nil {
		return err
	}
	defer func() {
		if f != nil {
			f.Close()
		}
	}()
	f = nil
	return nil
}

// started: (*exec.Cmd).Start makes its receiver the resource, named as
// the receiver; the engine counts it released on Start's error path, so
// no fix.
func started() error {
	cmd := exec.Command("true")
	if err := cmd.Start(); err != nil { // want `^started command cmd from cmd\.Start \(line 177\); leaves at line 180; add a release; release cmd\.Wait\(\); 1 related$`
		return err
	}
	return nil
}

// twoCalls: an assignment of two calls names neither: no fix.
func twoCalls(name string) {
	f, n := os.NewFile(0, name), 1 // want `^file from os\.NewFile \(line 185\); leaves at line 188; add a release; release x\.Close\(\); 1 related$`
	use(f)
	use(n)
}
