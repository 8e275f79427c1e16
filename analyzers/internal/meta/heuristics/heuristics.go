// Package heuristics is the audited table of every place where a reviewlint
// rule decides from the spelling of a name or a comment rather than from
// the program's values (issue #23). The analyzers reason on SSA and facts;
// what is left here is a convention a tool cannot infer (a function's
// contract with callers it cannot see) or a machine annotation the author
// wrote for a checker. Each entry names the rules that use it and fixtures
// on both sides: a case it exempts (good, not reported) and a near miss it
// does not (bad, reported). TestTable checks that the fixtures exist and
// are on the side they claim, and docs/heuristics.md is generated from it.
//
// Prose in comments ("no need to lock", "benign race", "for testing only",
// "BUG: this read is racy") is never an exemption: a user says a finding
// is intended with a directive (//reviewlint:ignore RULE reason, //nolint,
// //lint:ignore; see analyzers/internal/host/directive), which every rule
// honours, or with the checklocks annotation below. A comment counts in
// two places only, neither of them a pardon for what the rule found: a
// function's doc stating the contract its callers keep, which a ...Locked
// name states too (held-doc below), and where the finding is the missing
// comment itself, an error dropped without a word (explaining-comment).
//
// Not listed, because they are not guesses about the user's code: the
// named APIs of pinned packages (sync.WaitGroup.Wait, os.Exit, klog's
// Info*/Error* families, the resource kind tables); the language's own
// names (init, main, the SSA names init#N of init functions); and the
// go command's rules (a _test.go file is a test, an import path whose
// first element has no dot is the standard library).
package heuristics

// Heuristic is one audited decision from a name or comment.
type Heuristic struct {
	// ID is a stable kebab-case name.
	ID string
	// What the heuristic matches, exactly.
	What string
	// Why it exists: the contract it stands for, and why the analysis
	// cannot see it.
	Why string
	// Code is where it lives (package-relative file and function).
	Code string
	// Rules are the rule IDs whose findings it changes.
	Rules []string
	// Good are fixtures it exempts, Bad near misses it does not; each is
	// "testdata/src/<path>.go#Func" or "#Type.Method".
	Good, Bad []string
}

// Table is every remaining heuristic.
var Table = []Heuristic{
	{
		ID: "locked-suffix",
		What: `A function whose name ends in "Locked" with a capital L after a lower-case letter or digit ` +
			`(addLocked, setWriteErrLocked), or one nested in such a function, is entered with its receiver's ` +
			`mutexes held. Not isBlocked, unlocked, a bare Locked, isLocked/IsLocked (a question about the lock), ` +
			`nor fooWithLock, foo_locked or fooLockHeld.`,
		Why: `Go's convention for a helper whose callers hold the lock. Callers in the package are seen ` +
			`(their lock sets are intersected), but an exported helper's callers are not. On the corpus, ` +
			`...WithLock names the variant that takes the lock itself (redis removeConnWithLock, nats ` +
			`resetElectWithLock), so it is not the convention.`,
		Code:  "sharedstate/guard.go lockedName, expectsLockByName",
		Rules: []string{"sharedstate/unguarded-field", "sharedstate/unguarded-field-inferred", "sharedstate/mixed-atomic"},
		Good: []string{
			"testdata/src/sharedstate/unguarded-field/good/published.go#gate.peekLocked",
			"testdata/src/sharedstate/unguarded-field/good/good.go#counter.addLocked",
		},
		Bad: []string{
			"testdata/src/sharedstate/unguarded-field-inferred/bad/helpers.go#gate.isBlocked",
			"testdata/src/sharedstate/unguarded-field/bad/published.go#latch.IsLocked",
			"testdata/src/sharedstate/unguarded-field/bad/published.go#latch.ValueWithLock",
		},
	},
	{
		ID: "held-doc",
		What: `A function whose doc comment states that its caller holds the lock ("Caller must hold b.mu", ` +
			`"c.mu must be held", "Lock should be held", "Lock is held on entry", "Must be called with s.Lock ` +
			`held", "Runs under the subscription lock", "Assumes the lock is held") is entered with its ` +
			`receiver's mutexes held, like a ...Locked name. A paragraph of the doc that is a defect note ` +
			`(TODO, FIXME, BUG, XXX) states no contract and is not read.`,
		Why: `The same contract as the ...Locked suffix, in the words most Go code uses for it (nats-server ` +
			`writes "Lock should be held." on hundreds of helpers, grpc "Caller must hold b.mu.", prometheus ` +
			`"Must be called with s.Lock held."). Callers in the package are seen, but not those behind an ` +
			`interface, a callback or another package. Without it (measured on the corpus, -enable all), ` +
			`nats-server reports 119 more accesses, all in such helpers, and loses 20 whose guard majority ` +
			`came from them; grpc 9 more, prometheus 16 fewer. It states a precondition the callers keep; it is not ` +
			`permission for a race ("benign race", "no need to lock" exempt nothing).`,
		Code:  "sharedstate/entry.go heldNote, expectsLock; heuristics.WithoutDefectNotes",
		Rules: []string{"sharedstate/unguarded-field", "sharedstate/unguarded-field-inferred", "sharedstate/mixed-atomic"},
		Good:  []string{"testdata/src/sharedstate/unguarded-field/good/published.go#ledger.Flush"},
		Bad:   []string{"testdata/src/sharedstate/unguarded-field/bad/published.go#ledger.Reset"},
	},
	{
		ID: "checklocks-ignore",
		What: `An access on a line holding (or below a line holding) the word +checklocksignore, or in a ` +
			`function whose doc (or an enclosing function's) holds +checklocksignore or +checklocks:ignore, ` +
			`is not reported. Any other comment, whatever it says, is not an exemption.`,
		Why: `gVisor checklocks' machine annotation for an access the author checked: code already annotated ` +
			`for checklocks needs no second directive. Prose cannot be checked and is as often a bug report ` +
			`("BUG: this read is racy") as a reason.`,
		Code:  "sharedstate/intent.go ignoredAt",
		Rules: []string{"sharedstate/unguarded-field", "sharedstate/unguarded-field-inferred", "sharedstate/mixed-atomic"},
		Good: []string{
			"testdata/src/sharedstate/unguarded-field/good/published.go#gate.peek",
			"testdata/src/sharedstate/unguarded-field/good/published.go#gate.poll",
			"testdata/src/sharedstate/mixed-atomic/good/good.go#seqGen.Reset",
		},
		Bad: []string{
			"testdata/src/sharedstate/unguarded-field/bad/published.go#gauge.Peek",
			"testdata/src/sharedstate/unguarded-field/bad/published.go#gauge.Stale",
			"testdata/src/sharedstate/unguarded-field-inferred/bad/helpers.go#gate.peek",
			"testdata/src/sharedstate/mixed-atomic/bad/bad.go#ring.rewind",
		},
	},
	{
		ID: "unreached-in-build",
		What: `A plain access in an unexported function (or a closure in one) that no code of the build names ` +
			`(no call, function value, method value or expression; for a method, no interface of the package ` +
			`has its name and no dynamic call invokes it), or that only _test.go files name, is not reported ` +
			`by mixed-atomic.`,
		Why: `Such a function runs only under the package's tests, never beside the program's atomic updates ` +
			`(grpc's binarylog id generator reset). This replaces the doc-prose exemption "for testing only"; ` +
			`the same doc on a function the program calls is reported.`,
		Code:  "sharedstate/testonly.go testOnly",
		Rules: []string{"sharedstate/mixed-atomic"},
		Good:  []string{"testdata/src/sharedstate/mixed-atomic/good/good.go#idGen.reset"},
		Bad:   []string{"testdata/src/sharedstate/mixed-atomic/bad/bad.go#ring.rewind"},
	},
	{
		ID: "constructor-by-result",
		What: `A receiver-less function whose struct-pointer results are values it allocated (or was passed, ` +
			`or got from another such function) and did not hand out is a constructor: its writes, and those of ` +
			`helpers it calls on the value, are initialisation. The name (New*, new*) plays no part.`,
		Why: `A value nobody else can reach yet needs no lock. Detected from the SSA result values, so ` +
			`NewsCount(f) (a count of f's news) is not a constructor and newCounter is one without its name.`,
		Code:  "sharedstate/publish.go returnsFresh, returnedObjects; sharedstate/entry.go (fresh parameters)",
		Rules: []string{"sharedstate/unguarded-field", "sharedstate/unguarded-field-inferred", "sharedstate/mixed-atomic"},
		Good: []string{
			"testdata/src/sharedstate/unguarded-field/good/good.go#newCounter",
			"testdata/src/sharedstate/unguarded-field/good/good.go#NewOptions",
		},
		Bad: []string{"testdata/src/sharedstate/unguarded-field/bad/published.go#NewsCount"},
	},
	{
		ID: "guards-comment",
		What: `A mutex field whose comment says "guards" or "protects" followed by field names (mu // guards ` +
			`ready and peers) declares those fields guarded by it; so does +checklocks:mu on a field.`,
		Why: `It adds evidence (a declared guard), it never exempts: an access to a declared field without its ` +
			`mutex is reported even when most accesses do not hold it. Fields the comment does not name get no ` +
			`declared guard.`,
		Code:  "sharedstate/annotations.go structGuards",
		Rules: []string{"sharedstate/unguarded-field"},
		Good:  []string{"testdata/src/sharedstate/unguarded-field/good/published.go#roster.Count"},
		Bad:   []string{"testdata/src/sharedstate/unguarded-field/bad/bad.go#commented.isReady"},
	},
	{
		ID: "acquire-name",
		What: `A function whose first camel-case word is Lock, RLock or Acquire (after an optional Try or Must), ` +
			`or which has the word Acquire anywhere (lockShard, TryAcquireSlot, connAcquire), may return holding ` +
			`the lock on a path that returns no error: that is the hand-over its name promises. An error path ` +
			`still holding it is reported whatever the name (etcd-io/etcd#5509).`,
		Why: `A conditional acquire's callers may be outside the package, where their Unlock is not seen. Read ` +
			`on words, not on lower-cased text: lockstepAdvance, locker and lockfile are not lock helpers.`,
		Code:  "sharedstate/leak.go acquiresByName, camelWords",
		Rules: []string{"sharedstate/lock-leak"},
		Good: []string{
			"testdata/src/sharedstate/lock-leak/good/good.go#store.TryAcquireSlot",
			"testdata/src/sharedstate/lock-leak/good/good.go#store.acquireReady",
		},
		Bad: []string{
			"testdata/src/sharedstate/lock-leak/bad/bad.go#store.lockstepAdvance",
			"testdata/src/sharedstate/lock-leak/bad/bad.go#client.acquireConn",
		},
	},
	{
		ID: "explaining-comment",
		What: `A comment in the place the rule names (inside an error branch's braces, on or above a blank ` +
			`assignment, a parse or a go statement) ends the finding when it says why: any comment except an ` +
			`analysistest expectation (// want) or a Go defect note, one starting with TODO, FIXME, BUG or XXX ` +
			`(alone or followed by a non-alphanumeric character).`,
		Why: `These rules report an error that disappears without a word to the reader; their documented ` +
			`remedy is to say why it may, so the comment is the fix, not a suppression of a finding the rule ` +
			`still believes. A defect note says the opposite (the drop is unfinished) and is reported.`,
		Code: "errorlog/explain.go explains, explainsGroup, heuristics.DefectNote (swallowed.go explainedAt, emptybranch.go commentedBody, " +
			"discarded.go documentedBlank, goroutine.go commentedAbove, parseunchecked.go commentedDrop)",
		Rules: []string{"errorlog/swallowed", "errorlog/discarded", "errorlog/goroutine-dropped", "errorlog/parse-unchecked"},
		Good: []string{
			"testdata/src/errorlog/swallowed/good/good.go#ping",
			"testdata/src/errorlog/discarded/good/fieldsync.go#segment.hint",
		},
		Bad: []string{
			"testdata/src/errorlog/swallowed/bad/bad.go#loadTODO",
			"testdata/src/errorlog/discarded/bad/fieldsync.go#segment.flushFIXME",
		},
	},
	{
		ID: "wait-name",
		What: `A call whose callee (or invoked method) has "Wait" in its name, or a method named Do, is taken to ` +
			`wait for other goroutines: a goroutine's write before it is ordered with the spawner's access after it.`,
		Why: `Another package's waiting helper (errgroup's Wait, StopAndWait, WaitForDone) is not looked into; ` +
			`its name says it. Calls that are not named so, such as time.Sleep, order nothing.`,
		Code:  "sharedstate/capturedwrite.go isSyncCall",
		Rules: []string{"sharedstate/captured-write"},
		Good:  []string{"testdata/src/sharedstate/captured-write/good/good.go#waitingHelper"},
		Bad:   []string{"testdata/src/sharedstate/captured-write/bad/bad.go#sleepIsNoSync"},
	},
}
