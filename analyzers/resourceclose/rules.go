package resourceclose

import "github.com/reviewlint/reviewlint/analyzers/internal/meta/catalog"

// Rules lists the rules this analyzer reports. Each rule's Default is what
// its measured evidence on the bench/ corpus decides (catalog.Evidence).
var Rules = []catalog.Rule{
	{
		ID:    RuleUnclosed,
		Title: "a file, connection, listener, sql rows, statement, conn, db or httptest server not released on some path",
		Text: `Every acquired resource must be released on every path from where it is
acquired to where the function returns, unless ownership moves: the value is
returned, stored in a field, global, map or channel, or handed to a function
that closes or keeps it (that function's summary says so, across packages).
A resource handed to a goroutine (go serve(conn)) belongs to the goroutine's
function; when that function closes it on some paths but returns without
closing it on another, the leak is reported at the acquisition, naming the
go statement. An unreleased file or connection holds a descriptor until the garbage collector
finds it, if ever; unclosed *sql.Rows hold a pooled connection forever, which
drains the pool. github.com/jackc/pgx (v4 and v5) is modelled too: the rows of
a Query hold their connection until closed (by Close, by Next returning false,
or by pgx.CollectRows, CollectOneRow, ForEachRow and the like, which consume
them), a batch's results from SendBatch hold the connection until closed,
and a connection from pgxpool's Acquire goes back with Release. On the path where the acquiring call returned an error,
nothing is owed. A deferred closure that releases the resource under a
condition (defer func() { if !ok { f.Close() } }(), or if err != nil)
releases it at a return only where its condition holds there, as the path
decides it (the flag last set, the error returned); elsewhere the
resource must leave with the return (the ownership-flag idiom hands it
out). A return into a named result runs before the defers: "return nil,
err" leaves a deferred f.Close() of the named result f nothing to close.
A *time.Ticker or *time.Timer is owed a Stop only in files
compiled for Go older than 1.23 (the module's go line or the file's
//go:build line): since 1.23 the runtime reclaims unstopped ones. A server
from httptest.NewServer, NewTLSServer or NewUnstartedServer serves from a
goroutine on a listener of its own until Close: a test that does not close
it (defer srv.Close(), or t.Cleanup(srv.Close)) leaks both into the rest
of the test binary, where goleak reports it; a helper that returns the
server hands the Close to its caller, and Start and StartTLS keep it the
caller's. Fix: defer the release right after the error check.`,
		Bad: `f, err := os.Open(name)
if err != nil {
	return err
}
data, err := io.ReadAll(f)`,
		Good: `f, err := os.Open(name)
if err != nil {
	return err
}
defer f.Close()
data, err := io.ReadAll(f)`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleTxUnfinished,
		Title: "a transaction neither committed nor rolled back on some path",
		Text: `A *sql.Tx holds a connection, and on most databases locks, until Commit
or Rollback. An error path that returns without either leaves the connection
out of the pool and the locks held. Queries through the transaction
(tx.QueryRow(...).Scan, tx.Query, a helper that queries) do not finish it.
Fix: defer tx.Rollback() right after BeginTx succeeds; after a successful
Commit it is a no-op. The same holds for github.com/jackc/pgx transactions
(pgx.Tx from Begin or BeginTx on a connection or a pgxpool, savepoints from
tx.Begin): defer tx.Rollback(ctx).`,
		Bad: `tx, err := db.BeginTx(ctx, nil)
if err != nil {
	return err
}
if _, err := tx.ExecContext(ctx, q); err != nil {
	return err
}
return tx.Commit()`,
		Good: `tx, err := db.BeginTx(ctx, nil)
if err != nil {
	return err
}
defer tx.Rollback()
if _, err := tx.ExecContext(ctx, q); err != nil {
	return err
}
return tx.Commit()`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleCancelLeak,
		Title: "a context cancel func not called on some path",
		Text: `The cancel func from context.WithCancel, WithTimeout or WithDeadline
releases the context's timer and its entry in the parent; until it is called
they stay alive (a WithTimeout context lives until the timeout fires). Unlike
go vet's lostcancel, a cancel stored nowhere, assigned to _, or handed to a
function that never calls it is reported. Fix: defer cancel() right after
creating the context.`,
		Bad: `ctx, cancel := context.WithTimeout(ctx, time.Second)
_ = cancel
return call(ctx)`,
		Good: `ctx, cancel := context.WithTimeout(ctx, time.Second)
defer cancel()
return call(ctx)`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleCmdNotWaited,
		Title: "a command started with cmd.Start that is not waited for on some path",
		Text: `After (*exec.Cmd).Start succeeds, Wait must be called: it reaps the child
process (otherwise it stays a zombie), waits for the goroutines copying its
output, and closes the pipes. A path that returns after Start without Wait, and
without handing cmd to code that waits, leaks all of that.`,
		Bad: `if err := cmd.Start(); err != nil {
return err
}
if err := feed(stdin); err != nil {
return err
}
return cmd.Wait()`,
		Good: `if err := cmd.Start(); err != nil {
return err
}
if err := feed(stdin); err != nil {
_ = cmd.Process.Kill()
_ = cmd.Wait()
return err
}
return cmd.Wait()`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleDeferInLoop,
		Title: "a deferred release inside the loop that acquires the resource",
		Text: `A deferred call runs when the function returns, not when the loop iteration
ends. Deferring Close inside a loop keeps every iteration's file, rows or
connection open until the function returns: with enough iterations that is
"too many open files" or a drained connection pool. Only loops that acquire
the resource they defer are reported, unlike linters that flag every defer in
a loop, and not a resource the next iterations go on using (a timeout context
made once per host and reused while the host stays the same): that one is
meant to outlive its iteration. Fix: release at the end of the iteration, or move the body into a
function (or a closure called in the loop) so the defer runs per iteration.`,
		Bad: `for _, name := range names {
f, err := os.Open(name)
if err != nil {
	return err
}
defer f.Close()
process(f)
}`,
		Good: `for _, name := range names {
if err := processFile(name); err != nil {
	return err
}
}

func processFile(name string) error {
f, err := os.Open(name)
if err != nil {
	return err
}
defer f.Close()
return process(f)
}`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleRowsErr,
		Title: "sql or pgx rows iterated with Next whose Err is never checked",
		Text: `rows.Next returns false both after the last row and when iteration fails (a
dropped connection, a cancelled context, a decoding error). Without a look at
rows.Err() after the loop, a failure reads as a short, successful result.
Rows handed to another function are left alone: it may check Err.`,
		Bad: `for rows.Next() {
if err := rows.Scan(&id); err != nil {
	return err
}
ids = append(ids, id)
}
return ids, nil`,
		Good: `for rows.Next() {
if err := rows.Scan(&id); err != nil {
	return err
}
ids = append(ids, id)
}
return ids, rows.Err()`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
}
