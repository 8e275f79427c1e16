package goroutineleak

import "github.com/reviewlint/reviewlint/analyzers/internal/catalog"

// confirm is how to see a leaked goroutine at run time, shared by the rules' texts.
const confirm = `To confirm one at run time: goleak.VerifyNone(t) (go.uber.org/goleak) at the
end of a test that takes the path, the goroutine profile of net/http/pprof
(/debug/pprof/goroutine?debug=2: the goroutine sits in "chan send" forever), or
GOTRACEBACK=all and SIGQUIT to dump every stack.`

// Rules lists the rules this analyzer reports. A rule is on by default only
// once its precision on the bench/ corpus is at least 90%.
var Rules = []catalog.Rule{
	{
		ID:    RuleBlockedSend,
		Title: "a goroutine that blocks forever sending on a channel its spawner stopped receiving from",
		Text: `A goroutine sends its result on an unbuffered channel, and the function that
started it waits in a select that can also give up (ctx.Done(), time.After, a
stop channel), or returns early on an error before it receives. On that path
nobody ever receives: the goroutine blocks on the send forever, with
everything it references. The same happens when goroutines are started in a
loop and the receiver returns after the first answer or breaks out of its
receive loop. The rule follows the channel from make through the goroutine
(closures, named functions, and functions of other packages through their
summaries) and counts the sends against the receives on every path; it stays
silent when the channel escapes (returned, stored, passed on), when the
sender selects on another case or a default, and when the channel is
buffered for every send. Fix: give the channel a buffer for every send
(make(chan T, 1) for one goroutine sending once), or make the sender select
on ctx.Done() as well. ` + confirm,
		Bad: `ch := make(chan result)
go func() { ch <- fetch(ctx) }()
select {
case r := <-ch:
	return r, nil
case <-ctx.Done():
	return result{}, ctx.Err() // the goroutine blocks on ch forever
}`,
		Good: `ch := make(chan result, 1) // the send never blocks
go func() { ch <- fetch(ctx) }()
select {
case r := <-ch:
	return r, nil
case <-ctx.Done():
	return result{}, ctx.Err()
}`,
		Severity: catalog.Warning,
		Default:  false,
		Since:    "v0.1.0",
	},
}
