package sharedstate

import "github.com/reviewlint/reviewlint/analyzers/internal/meta/catalog"

// Rules lists the rules this analyzer reports. Each rule's Default is what
// its measured evidence on the bench/ corpus decides (catalog.Evidence).
var Rules = []catalog.Rule{
	{
		ID:    RuleDoubleLock,
		Title: "a mutex locked again while it is already held (self-deadlock)",
		Text: `sync.Mutex is not reentrant: locking it a second time on the same goroutine,
directly or by calling a method that locks it, blocks forever. The usual bug
is a public method that locks calling another public method that locks the
same mutex. A read lock taken while the same RWMutex is read-locked
deadlocks too as soon as a writer queues in between (sync.RWMutex forbids
recursive read locking). So does a loop whose Lock comes round again on a
path (a continue) that skipped the Unlock. The lock state is tracked on
every path, through defer and through the summaries of the functions
called, across packages; a callback stored in a field (a func or a method
value of the same object) counts as a call of what the package stores
there, a function parameter's call as what the package passes for it
(at a call site that passes a function of the package taking no lock of
that kind, as nothing),
and an element's link back to its owner (r.store for a replica
of s.replicas) as the owner's mutex.
Fix: split the callee into a variant that expects the lock held (fooLocked)
and call that, or release the lock before the call.`,
		Bad: `func (c *Cache) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.Len() > max { // Len locks c.mu too
		c.evict()
	}
	c.m[k] = v
}`,
		Good: `func (c *Cache) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) > max {
		c.evict()
	}
	c.m[k] = v
}`,
		Severity: catalog.Error,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleLockLeak,
		Title: "a mutex still held on a return while other returns release it",
		Text: `A function that locks a mutex and unlocks it before its normal return, but
returns early on another path (usually an error branch) without unlocking,
leaves the mutex locked forever: the next Lock anywhere blocks and the
program hangs, far from the cause. Functions that return holding the lock on
every path (lock helpers), hand the unlock to the caller (a returned func,
the returned object, callers that unlock), or unlock in a deferred closure
or a goroutine are not reported. Fix: defer the unlock right after locking,
or unlock before the early return.`,
		Bad: `c.mu.Lock()
v, err := c.load(k)
if err != nil {
	return err
}
c.m[k] = v
c.mu.Unlock()
return nil`,
		Good: `c.mu.Lock()
defer c.mu.Unlock()
v, err := c.load(k)
if err != nil {
	return err
}
c.m[k] = v
return nil`,
		Severity: catalog.Error,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleLockOrder,
		Title: "two mutexes acquired in opposite orders (AB/BA deadlock)",
		Text: `When one path locks A then B and another locks B then A, two goroutines
running them at once can each hold one lock and wait forever for the other.
The lock state is tracked through callees (a method that locks B called
while A is held counts as A-then-B), including dynamic ones the package
resolves: an interface of the package with a single implementing type,
a function stored in a field or passed as a parameter. Locks are named by
the field and type that hold them (Server.mu, conn.mu) or the global. Two read locks alone
are not reported, nor two instances of the same field (nodes of one tree),
whose order is not visible statically. Both sites are reported. Fix: pick
one order and document it next to the mutexes, or release the first lock
before taking the second.`,
		Bad: `func (s *Server) addConn(c *conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c.mu.Lock() // Server.mu then conn.mu
	defer c.mu.Unlock()
	s.conns[c] = true
}

func (c *conn) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.srv.removeConn(c) // conn.mu then Server.mu
}`,
		Good: `func (c *conn) close() {
	c.srv.removeConn(c) // Server.mu first, as everywhere
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
}`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleMixedAtomic,
		Title: "a variable accessed with sync/atomic in one place and plainly in another",
		Text: `Atomic operations only synchronise with other atomic operations on the same
word. A field incremented with atomic.AddInt64 and read with a plain load
elsewhere is a data race: the read may see a torn or stale value, and the
race detector reports it. A variable is one field of one owner (a struct
embedded in two types is two variables). Not reported: initialising a value
the function has just allocated (nobody else can see it yet), a plain read
by the only atomic writer, and a plain access that a mutex keeps apart from
every atomic one it conflicts with (held at all of them, and for writing on
one side: a reset under the write lock while the atomic adds run under the
read lock). Fix: access the
variable with sync/atomic everywhere, or better make it an atomic.Int64 (or
atomic.Bool, atomic.Pointer...), which cannot be accessed plainly.`,
		Bad: `atomic.AddInt64(&s.hits, 1)
// ...
return s.hits`,
		Good: `atomic.AddInt64(&s.hits, 1)
// ...
return atomic.LoadInt64(&s.hits)`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleRLockWrite,
		Title: "a field written while only the read lock of its RWMutex is held",
		Text: `RLock lets many readers in at once. A write to a field of the object (a
field store, a map update or delete, a slice element) while only the read
lock is held races with every other reader; a map written this way crashes
the program with "concurrent map writes". The usual bug is a lookup that
fills a cache or bumps a counter under RLock. Fix: take the write lock
(Lock) for the write, re-checking the condition after upgrading. Not
reported: a field other functions touch with no lock of its object at all
(the RWMutex is not its guard: a map confined to one goroutine, read-locked
only to keep Close out).`,
		Bad: `c.mu.RLock()
defer c.mu.RUnlock()
v, ok := c.m[k]
if !ok {
	v = compute(k)
	c.m[k] = v
}
return v`,
		Good: `c.mu.RLock()
v, ok := c.m[k]
c.mu.RUnlock()
if !ok {
	c.mu.Lock()
	c.m[k] = compute(k)
	c.mu.Unlock()
}`,
		Severity: catalog.Error,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleUnguardedField,
		Title: "a field read or written without the mutex its other accesses hold, where the lock is declared, taken nearby or the caller unknown",
		Text: `When most accesses of a struct field hold a mutex of the same object (at
least two, one of them a write), that mutex guards the field, and an access
without it races with the others: a torn or stale read, a lost update, a map
corrupted. The guard is inferred from how the code already uses its locks
(as Infer's RacerD does for Java); a +checklocks:mu annotation or a "mu
guards x, y" comment on the mutex declares it outright. This rule reports
an unguarded access only with evidence beyond the majority: the guard is
declared; the same function takes the guard elsewhere (the access sits
before the Lock or after the Unlock); or it is in an exported function or
method, whose callers the package cannot know. The other unguarded accesses
(unexported helpers whose callers may hold the lock) are
sharedstate/unguarded-field-inferred. A read in the one unexported function
that writes the field is not reported (the writer reading its own writes). Not reported:
initialisation of a value the function allocated and has not yet handed
out (a write after go c.Inc() is not initialisation), the result a
constructor fills in before returning it, the fields a setup method
initialises while creating the object's mutex, fooLocked functions and
functions every caller in the package calls with the lock held (a caller
passing an unpublished value aside), a read holding a lock every write
holds, closures handed to helpers (which may run them under the lock),
fields never written after construction, atomics, channels, and accesses
next to a comment saying why no lock is needed. Fix: take the lock around
the access, or rename the function fooLocked if its callers hold the lock.
Confirm with the race detector: a test that calls the two methods from two
goroutines under go test -race.`,
		Bad: `func (c *Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *Counter) Value() int {
	return c.n // read without c.mu
}`,
		Good: `func (c *Counter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}`,
		Severity: catalog.Warning,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleAnnotatedGuard,
		Title: "an access or a call that breaks a +checklocks or +checkatomic annotation",
		Text: `gVisor's checklocks annotations are contracts written for a machine. On a
struct field or a package-level variable, +checklocks:mu says mu guards it
(a path from the struct, mu or inner.mu, or a global, globalMu or g.mu;
several lines mean every lock must be held) and +checkatomic says it is
only accessed with sync/atomic; on a function, +checklocks:x.mu (or
+checklocksread) says its callers hold x.mu, +checklocksacquire and
+checklocksrelease that it returns holding it or released, +checklocksexclude
(+checklocksexcludewrite) that callers must not hold it (for writing).
Reported: an annotated field read without its lock, or written without it
held for writing (an RWMutex's read lock is not enough), its address handed
on unlocked; a plain access of a +checkatomic field (with both annotations,
a read may be atomic or locked, a write must be atomic and locked, an atomic
type's Store included); a call of an annotated function without the lock it
requires, or holding one it excludes; a return of a +checklocksacquire
(+checklocksrelease) function without (with) the lock. The lock state is
the one the other sharedstate rules use, on every path, through the
annotations of the function and of its callees in any package; a closure
called or deferred where it is made sees its maker's locks there, one handed
to another function sees none (it may run anywhere). Not checked:
functions annotated +checklocksignore and the closures in them;
+checklocksalias declares two paths the same lock. Unlike
sharedstate/unguarded-field, nothing is inferred: only annotated code is
checked, so code without annotations gets no finding. Fix: take the lock,
use sync/atomic, or correct the annotation.`,
		Bad: `type conn struct {
	mu sync.Mutex
	// +checklocks:mu
	pending []msg
}

func (c *conn) queue(m msg) {
	c.pending = append(c.pending, m) // c.mu not held
}`,
		Good: `func (c *conn) queue(m msg) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pending = append(c.pending, m)
}

// +checklocks:c.mu
func (c *conn) flushLocked() { c.pending = nil }`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.3.0",
	},
	{
		ID:    RuleUnguardedFieldInferred,
		Title: "a field accessed without the mutex its other accesses hold, in a helper whose callers may hold it",
		Text: `The unguarded accesses of sharedstate/unguarded-field for which the majority
of locked accesses is the only evidence: an unexported function or method
(a goroutine body included) that does not itself take the guard. Many such
helpers are called with the lock held by every caller but one that runs
before the object is shared, or are serialised by a framework's callback
goroutine; some are races. Review each: if the callers hold the lock, name
the function fooLocked (or annotate +checklocks:mu); otherwise take the
lock.`,
		Bad: `func (c *Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *Counter) snapshot() int {
	return c.n // no caller shown to hold c.mu
}`,
		Good: `// snapshotLocked: the caller holds c.mu.
func (c *Counter) snapshotLocked() int {
	return c.n
}`,
		Severity: catalog.Info,
		Since:    "v0.2.0",
	},
	{
		ID:    RuleCapturedWrite,
		Title: "a local variable shared with a goroutine closure, written on one side and used on the other without synchronisation",
		Text: `A closure started with go (or handed to sync.WaitGroup.Go or
errgroup.Group.Go, which start one) shares the variables it captures with
the function that starts it. When the goroutine writes such a variable and
the spawning function reads or writes it after the go statement (or the
other way round) with nothing in between that waits for the goroutine
(WaitGroup.Wait, errgroup's Wait, a channel receive or select, a lock held
on both sides), the two accesses race: the value read is torn or stale, and
the race detector only notices when a test happens to run that path.
A goroutine started again and again (in a loop, with no wait between the
starts) that writes a captured variable, or a field of the one struct a
captured variable points to, with no lock races with its own other
instances: the last error wins or is torn, counters lose increments,
appends lose elements. Not reported: variables whose address is passed on
(sync/atomic) or whose fields are used (the analysis cannot see every
write), per-iteration copies, accesses before the go statement, writes
under a lock, goroutines that wait on something before they write (a token
channel, a start signal). Fix: wait for the goroutine before touching the
variable, send the result on a channel and receive it, or give each
goroutine its own variable or result slot.`,
		Bad: `var n int
go func() { n = count(items) }()
fmt.Println(n) // races with the goroutine's write`,
		Good: `var n int
var wg sync.WaitGroup
wg.Add(1)
go func() { defer wg.Done(); n = count(items) }()
wg.Wait()
fmt.Println(n)`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
	{
		ID:    RuleUnguardedGlobal,
		Title: "a package-level map, slice or counter written from a goroutine or an HTTP handler without a lock",
		Text: `HTTP handlers run concurrently, one goroutine per request, and a function
started with go runs alongside the rest of the program. A package-level map
updated there without a lock can crash the program ("concurrent map
writes"); an append to a package-level slice or a counter++ loses updates.
Reported: map updates and deletes, appends assigned back to the slice, and
integer counters updated from their own value, in a handler or a function
started with go, with no lock held (locks taken through helpers count).
Not reported: init and main-only code, writes under a lock, sync/atomic,
sync.Once, a goroutine started once that is the variable's only user.
Fix: guard the variable with a mutex, use sync/atomic or sync.Map, or
confine it to one goroutine.`,
		Bad: `var hits = map[string]int{}

func handle(w http.ResponseWriter, r *http.Request) {
	hits[r.URL.Path]++ // concurrent map writes
}`,
		Good: `var (
	mu   sync.Mutex
	hits = map[string]int{}
)

func handle(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	hits[r.URL.Path]++
	mu.Unlock()
}`,
		Severity: catalog.Warning,
		Default:  true,
		Since:    "v0.1.0",
	},
}
