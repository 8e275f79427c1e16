package sharedstate

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/locks"
)

// rlockWrites reports a write to a field of an object (a field store, a
// map update or delete, a slice element store) while the only lock held
// on that object is its RWMutex's read lock: other readers run at the same
// time, so the write races with them (a map write even crashes the
// program).
//
// A field that other functions touch with no lock of its object at all is
// not guarded by that RWMutex (a map confined to a run loop, read-locked
// here only to keep Close out): the write lock is not the remedy, and a
// race there is unguarded-field's to report.
func (c *checker) rlockWrites(f *locks.Func) {
	f.Walk(func(ins ssa.Instruction, s *locks.State) {
		fa, obj, field, pos, ok := writtenField(ins)
		if !ok {
			return
		}
		h, ok := onlyReadLocked(s, obj)
		if !ok {
			return
		}
		if id, ok := varIDOf(fa); ok && c.touchedUnlockedElsewhere(id, f.Fn) {
			return
		}
		name := obj.Name() + "." + field
		msg := fmt.Sprintf("%s is written while only the read lock %s.RLock (line %d) is held, so concurrent readers race with the write; take %s.Lock for writes",
			name, h.Lock.Name(), c.line(h.Site.Pos()), h.Lock.Name())
		c.pass.Report(c.pos.diagnostic(RuleRLockWrite, pos, msg, c.related(h.Site.Pos(), "read-locked here")))
	})
}

// writtenField recognises a write into a field of an object: obj.f = v,
// obj.m[k] = v, delete(obj.m, k), obj.s[i] = v. It returns the object, the
// field's name and the position to report.
func writtenField(ins ssa.Instruction) (*ssa.FieldAddr, locks.Ref, string, token.Pos, bool) {
	switch ins := ins.(type) {
	case *ssa.Store:
		switch addr := ins.Addr.(type) {
		case *ssa.FieldAddr:
			return fieldOf(addr, ins.Pos())
		case *ssa.IndexAddr:
			if fa := loadedField(addr.X); fa != nil {
				return fieldOf(fa, ins.Pos())
			}
		}
	case *ssa.MapUpdate:
		if fa := loadedField(ins.Map); fa != nil {
			return fieldOf(fa, ins.Pos())
		}
	case *ssa.Call:
		if b, ok := ins.Call.Value.(*ssa.Builtin); ok && b.Name() == "delete" && len(ins.Call.Args) == 2 {
			if fa := loadedField(ins.Call.Args[0]); fa != nil {
				return fieldOf(fa, ins.Pos())
			}
		}
	}
	return nil, locks.Ref{}, "", token.NoPos, false
}

// loadedField returns the field address v was loaded from (obj.m), if any.
func loadedField(v ssa.Value) *ssa.FieldAddr {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		fa, _ := u.X.(*ssa.FieldAddr)
		return fa
	}
	if fa, ok := v.(*ssa.FieldAddr); ok { // an array field indexed in place
		return fa
	}
	return nil
}

// fieldOf returns the object fa selects from and the field's name; the
// position is the selector's (the write's when it has none).
func fieldOf(fa *ssa.FieldAddr, write token.Pos) (*ssa.FieldAddr, locks.Ref, string, token.Pos, bool) {
	name := fieldNameOf(fa)
	pos := fa.Pos()
	if !pos.IsValid() {
		pos = write
	}
	return fa, locks.RefOf(fa.X), name, pos, pos.IsValid()
}

// touchedUnlockedElsewhere reports whether a function other than fn
// accesses the field with no lock of its object held (on entry either)
// and after its initialisation.
func (c *checker) touchedUnlockedElsewhere(id varID, fn *ssa.Function) bool {
	if c.unlockedIn == nil {
		c.unlockedIn = map[varID]map[*ssa.Function]bool{}
		entry := c.entryInfo()
		for _, g := range c.locks.Funcs {
			g.Walk(func(ins ssa.Instruction, s *locks.State) {
				fa, _, ok := fieldAccess(ins)
				if !ok {
					return
				}
				key, ok := varIDOf(fa)
				obj := locks.RefOf(fa.X)
				if !ok || freshAt(fa, ins) || len(guardsAt(s, obj)) > 0 || len(entry[g.Fn].guardsFor(obj)) > 0 {
					return
				}
				if c.unlockedIn[key] == nil {
					c.unlockedIn[key] = map[*ssa.Function]bool{}
				}
				c.unlockedIn[key][g.Fn] = true
			})
		}
	}
	for g := range c.unlockedIn[id] {
		if g != fn {
			return true
		}
	}
	return false
}

// onlyReadLocked returns the read-locked RWMutex of obj when it is held
// in read mode and no lock at all is held for writing.
func onlyReadLocked(s *locks.State, obj locks.Ref) (locks.Held, bool) {
	var found locks.Held
	ok := false
	for _, h := range s.Held() {
		if h.Mode == locks.Write {
			return locks.Held{}, false
		}
		if h.Site != nil && isFieldOf(h.Lock, obj) {
			found, ok = h, true
		}
	}
	return found, ok
}

// isFieldOf reports whether lock l is a mutex field of obj itself (obj.mu,
// or obj.mu through a pointer field).
func isFieldOf(l locks.Lock, obj locks.Ref) bool {
	if l.Root != obj.Root || !strings.HasPrefix(l.Path, obj.Path+".") {
		return false
	}
	rest := strings.TrimSuffix(l.Path[len(obj.Path)+1:], "*")
	return rest != "" && !strings.ContainsAny(rest, ".*")
}
