// Package leakdump reads goroutine dumps (a /debug/pprof/goroutine?debug=2
// page, the dump of a `go test` timeout or a crash, Go 1.26's goroutine
// leak profile) and groups the blocked goroutines by where they were
// created and where they wait, so each group can be set beside the static
// finding that predicted it.
package leakdump

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Frame is one call in a goroutine's stack, or its creation site.
type Frame struct {
	Func string // package-qualified function, without arguments
	File string // as the dump wrote it: absolute, or module-relative with -trimpath
	Line int
}

// Pos renders the frame as file:line.
func (f Frame) Pos() string { return fmt.Sprintf("%s:%d", f.File, f.Line) }

// Package is the import path of the frame's function ("main" for a
// command).
func (f Frame) Package() string {
	name := f.Func
	slash := strings.LastIndex(name, "/")
	if dot := strings.Index(name[slash+1:], "."); dot >= 0 {
		return name[:slash+1+dot]
	}
	return name
}

// InUserCode reports whether the frame's function is outside the standard
// library (whose import paths have no dot in their first element; main is
// the user's).
func (f Frame) InUserCode() bool {
	pkg := f.Package()
	if pkg == "main" {
		return true
	}
	first, _, _ := strings.Cut(pkg, "/")
	return strings.Contains(first, ".")
}

// Goroutine is one goroutine of a dump.
type Goroutine struct {
	ID int
	// Reason is the wait reason ("chan send", "sync.Mutex.Lock",
	// "select"), without the duration and the leak mark.
	Reason string
	// Leaked is the leak profile's verdict ("(leaked)" after the reason):
	// the garbage collector proved the goroutine can never be woken.
	Leaked    bool
	Minutes   int     // how long it has waited, when the dump says
	Frames    []Frame // innermost first
	CreatedBy *Frame  // nil for the main goroutine
}

// blockingReasons are the wait reasons of a goroutine parked on a channel
// or a lock: the ones that never end if no partner comes. Network and
// timer waits (IO wait, sleep, syscall) end by themselves or by a peer.
var blockingReasons = []string{
	"chan send", "chan receive", "select", "select (no cases)",
	"chan send (nil chan)", "chan receive (nil chan)",
	"sync.Mutex.Lock", "sync.RWMutex.Lock", "sync.RWMutex.RLock",
	"sync.WaitGroup.Wait", "sync.Cond.Wait", "semacquire",
}

// Blocked reports whether g waits on a channel or a lock (or the leak
// profile proved it stuck).
func (g *Goroutine) Blocked() bool {
	return g.Leaked || slices.Contains(blockingReasons, g.Reason)
}

// UserFrame returns g's innermost frame in user code: where, in the
// program, it waits.
func (g *Goroutine) UserFrame() (Frame, bool) {
	for _, f := range g.Frames {
		if f.InUserCode() {
			return f, true
		}
	}
	return Frame{}, false
}

var (
	header    = regexp.MustCompile(`^goroutine (\d+)(?: [a-z]+=\S+)* \[(.*)\]:$`)
	createdBy = regexp.MustCompile(`^created by (\S+?)(?: in goroutine \d+)?$`)
	location  = regexp.MustCompile(`^\t(.+):(\d+)(?: \+0x[0-9a-f]+)?$`)
	minutes   = regexp.MustCompile(`^(\d+) minutes$`)
)

// Parse reads every goroutine of a dump. Text around the goroutines (a
// panic message, a test's output, the profile header) is skipped; a dump
// with no goroutine at all is an error.
func Parse(r io.Reader) ([]*Goroutine, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var (
		out     []*Goroutine
		g       *Goroutine
		pending *Frame // a function line waiting for its location
		inCall  bool   // pending is the "created by" line
	)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if m := header.FindStringSubmatch(line); m != nil {
			id, _ := strconv.Atoi(m[1])
			g = &Goroutine{ID: id}
			g.Reason, g.Leaked, g.Minutes = parseState(m[2])
			out = append(out, g)
			pending = nil
			continue
		}
		if g == nil {
			continue
		}
		if line == "" {
			g, pending = nil, nil
			continue
		}
		if m := location.FindStringSubmatch(line); m != nil && pending != nil {
			pending.File = m[1]
			pending.Line, _ = strconv.Atoi(m[2])
			if inCall {
				g.CreatedBy = pending
			} else {
				g.Frames = append(g.Frames, *pending)
			}
			pending = nil
			continue
		}
		if m := createdBy.FindStringSubmatch(line); m != nil {
			pending, inCall = &Frame{Func: m[1]}, true
			continue
		}
		if strings.HasPrefix(line, "...") {
			continue // "...additional frames elided..."
		}
		pending, inCall = &Frame{Func: funcName(line)}, false
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no goroutine found (want the text of a goroutine dump: /debug/pprof/goroutine?debug=2, a go test timeout, or a goroutine leak profile with debug=2)")
	}
	return out, nil
}

// parseState splits "chan send (leaked), 5 minutes, locked to thread".
func parseState(s string) (reason string, leaked bool, mins int) {
	parts := strings.Split(s, ", ")
	reason = parts[0]
	if r, ok := strings.CutSuffix(reason, " (leaked)"); ok {
		reason, leaked = r, true
	}
	for _, p := range parts[1:] {
		if p == "(leaked)" {
			leaked = true
		}
		if m := minutes.FindStringSubmatch(p); m != nil {
			mins, _ = strconv.Atoi(m[1])
		}
	}
	return reason, leaked, mins
}

// funcName strips the argument list of a frame's function line:
// "main.(*T).run(0xc000010000, {0x0, 0x0})" is "main.(*T).run".
func funcName(line string) string {
	if strings.HasSuffix(line, ")") {
		depth := 0
		for i := len(line) - 1; i >= 0; i-- {
			switch line[i] {
			case ')':
				depth++
			case '(':
				depth--
				if depth == 0 {
					return line[:i]
				}
			}
		}
	}
	return line
}

// Group is the goroutines of a dump that wait at the same place, for the
// same reason, created at the same site.
type Group struct {
	Reason    string
	Leaked    bool  // every goroutine of the group was marked leaked
	At        Frame // innermost user frame: where the program waits
	CreatedAt *Frame
	// Stack is the user frames of the first goroutine, innermost first.
	Stack      []Frame
	Goroutines []int // IDs
	MaxMinutes int
}

// Groups returns the blocked goroutines with a frame in user code,
// grouped, largest group first (then by position, for a stable order).
func Groups(gs []*Goroutine) []*Group {
	type key struct {
		reason, at, created string
	}
	byKey := map[key]*Group{}
	var out []*Group
	for _, g := range gs {
		at, ok := g.UserFrame()
		if !ok || !g.Blocked() {
			continue
		}
		k := key{g.Reason, at.Pos(), ""}
		if g.CreatedBy != nil {
			k.created = g.CreatedBy.Pos()
		}
		grp := byKey[k]
		if grp == nil {
			grp = &Group{Reason: g.Reason, Leaked: true, At: at, CreatedAt: g.CreatedBy, Stack: userFrames(g)}
			byKey[k] = grp
			out = append(out, grp)
		}
		grp.Goroutines = append(grp.Goroutines, g.ID)
		grp.Leaked = grp.Leaked && g.Leaked
		grp.MaxMinutes = max(grp.MaxMinutes, g.Minutes)
	}
	slices.SortStableFunc(out, func(a, b *Group) int {
		return cmp.Or(cmp.Compare(len(b.Goroutines), len(a.Goroutines)), cmp.Compare(a.At.File, b.At.File), cmp.Compare(a.At.Line, b.At.Line), cmp.Compare(a.Reason, b.Reason))
	})
	return out
}

// userFrames returns g's frames in user code, innermost first.
func userFrames(g *Goroutine) []Frame {
	var out []Frame
	for _, f := range g.Frames {
		if f.InUserCode() {
			out = append(out, f)
		}
	}
	return out
}
