package analyzers

// bundledDoc is reviewlint's own documentation for a bundled check, where
// staticcheck's is not enough for the catalog: staticcheck gives few of
// these checks before/after code, and some no text. text is used only when
// staticcheck has none.
type bundledDoc struct {
	title, text, bad, good string
}

// bundledDocs holds, by check, the examples (and missing texts) the
// catalog requires of every rule.
var bundledDocs = map[string]bundledDoc{
	"copylocks": {
		title: "a value holding a lock is copied",
		text: `A sync.Mutex, RWMutex, WaitGroup, Once or Cond (or a struct that holds
one) must not be copied after first use: the copy has its own lock state,
so a method with a value receiver locks a copy and guards nothing, and a
struct passed or ranged over by value splits one lock into two. This is go
vet's copylocks pass, run as part of reviewlint. Fix: use pointer receivers
and pass pointers to values that hold a lock.`,
		bad: `type Counter struct {
	mu sync.Mutex
	n  int
}

func (c Counter) Inc() { c.mu.Lock(); c.n++; c.mu.Unlock() }`,
		good: `func (c *Counter) Inc() { c.mu.Lock(); c.n++; c.mu.Unlock() }`,
	},
	"SA1012": {
		bad:  "err := fetch(nil, key)",
		good: "err := fetch(ctx, key) // or context.TODO() while no context is at hand",
	},
	"SA1015": {
		bad: `func pollUntil(done func() bool) {
	for range time.Tick(time.Second) {
		if done() {
			return
		}
	}
}`,
		good: `func pollUntil(done func() bool) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for range t.C {
		if done() {
			return
		}
	}
}`,
	},
	"SA1017": {
		bad:  "c := make(chan os.Signal)\nsignal.Notify(c, os.Interrupt)",
		good: "c := make(chan os.Signal, 1)\nsignal.Notify(c, os.Interrupt)",
	},
	"SA1025": {
		text: `Reset reports whether the timer was still active, but by the time the
caller acts on the answer the new timer may have fired: draining the channel
after a false result can consume the new expiry or block forever. Stop the
timer, drain the channel if Stop returned false, then Reset it and ignore
the result.`,
		bad:  "if !t.Reset(d) {\n\t<-t.C\n}",
		good: "if !t.Stop() {\n\t<-t.C\n}\nt.Reset(d)",
	},
	"SA2000": {
		bad:  "go func() {\n\twg.Add(1)\n\tdefer wg.Done()\n\twork()\n}()",
		good: "wg.Add(1)\ngo func() {\n\tdefer wg.Done()\n\twork()\n}()",
	},
	"SA2001": {
		bad:  "mu.Lock()\nmu.Unlock()\nn++",
		good: "mu.Lock()\ndefer mu.Unlock()\nn++",
	},
	"SA2002": {
		text: `FailNow, and the Fatal and Skip methods that call it, stop the goroutine
they run in. Called from a goroutine the test started, they end that
goroutine, not the test, which carries on. Report with t.Error, which is
safe from any goroutine, or send the error back and call t.Fatal from the
test's own goroutine.`,
		bad:  "go func() {\n\tif err := check(); err != nil {\n\t\tt.Fatal(err)\n\t}\n}()",
		good: "errc := make(chan error, 1)\ngo func() { errc <- check() }()\nif err := <-errc; err != nil {\n\tt.Fatal(err)\n}",
	},
	"SA2003": {
		bad:  "mu.Lock()\ndefer mu.Lock()",
		good: "mu.Lock()\ndefer mu.Unlock()",
	},
	"SA5001": {
		text: `When the call fails, the value it returned is usually nil or unusable, and
the deferred Close runs on it anyway: a nil-pointer panic, or a second
error that hides the first. Check the error first, then defer Close.`,
		bad:  "f, err := os.Open(name)\ndefer f.Close()\nif err != nil {\n\treturn err\n}",
		good: "f, err := os.Open(name)\nif err != nil {\n\treturn err\n}\ndefer f.Close()",
	},
	"SA5002": {
		text: `A for loop with an empty body and no condition, or a condition nothing in
the loop changes, spins at full speed on one CPU. To block forever, use an
empty select; to wait for an event, receive from a channel or use a sync
primitive.`,
		bad:  "for {\n}",
		good: "select {}",
	},
	"SA5003": {
		bad:  "for {\n\tf, err := os.Open(next())\n\tif err != nil {\n\t\tcontinue\n\t}\n\tdefer f.Close()\n\tuse(f)\n}",
		good: "for {\n\thandle(next()) // handle opens the file and defers its Close\n}",
	},
	"SA5004": {
		text: `A select with an empty default branch never blocks, so a for loop around
it polls its channels as fast as it can and burns a CPU while it waits.
Remove the default branch so that the select blocks until a case is ready.`,
		bad:  "for {\n\tselect {\n\tcase v := <-ch:\n\t\tuse(v)\n\tdefault:\n\t}\n}",
		good: "for {\n\tselect {\n\tcase v := <-ch:\n\t\tuse(v)\n\t}\n}",
	},
	"SA9001": {
		text: `A deferred call runs when the surrounding function returns, not at the end
of the loop iteration. While the channel stays open the function does not
return, so the deferred calls, and what they would release, pile up. Give
each iteration its own function so that its defer runs when it ends.`,
		bad:  "for f := range files {\n\tdefer f.Close()\n\tuse(f)\n}",
		good: "for f := range files {\n\tfunc() {\n\t\tdefer f.Close()\n\t\tuse(f)\n\t}()\n}",
	},
}
