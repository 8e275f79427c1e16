package fix

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/reviewlint/reviewlint/internal/report"
)

// Plan picks the fixes to apply: the first suggested fix of each finding, in
// the order given, so the result is deterministic. A fix is taken whole or
// not at all: one that overlaps an edit already taken, edits more than one
// file, or is malformed is skipped with a reason. An edit identical to one
// already taken (the same finding reported for a package and for its test
// variant, or two fixes adding the same import) is applied once, not treated
// as a conflict.
//
// The result maps each file to its edits, in the order they were taken.
func Plan(findings []report.Finding) (map[string][]report.Edit, []Skipped) {
	p := planner{taken: make(map[string][]ownedEdit)}
	var skipped []Skipped
	for _, f := range findings {
		if len(f.Fixes) == 0 {
			continue
		}
		// Our analyzers offer at most one fix per finding; several would be
		// alternatives, of which the first is the preferred one.
		if reason := p.add(f, f.Fixes[0]); reason != "" {
			skipped = append(skipped, Skipped{File: f.File, Rule: f.Rule, Line: f.Start.Line, Reason: reason})
		}
	}
	return p.edits(), skipped
}

// ownedEdit is an accepted edit and the finding whose fix brought it.
type ownedEdit struct {
	report.Edit
	owner string
}

// planner holds the edits accepted so far, by file.
type planner struct {
	taken map[string][]ownedEdit
}

// add accepts fix, the fix of finding f, or returns why not.
func (p *planner) add(f report.Finding, fix report.Fix) string {
	edits, reason := normalize(f, fix)
	if reason != "" {
		return reason
	}
	file := edits[0].File
	var fresh []report.Edit
	for _, e := range edits {
		if p.has(e) {
			continue // taken already, from an identical fix
		}
		if old, found := p.conflict(e); found {
			return fmt.Sprintf("it overlaps the fix for %s", old.owner)
		}
		fresh = append(fresh, e)
	}
	owner := fmt.Sprintf("%s at line %d", f.Rule, f.Start.Line)
	for _, e := range fresh {
		p.taken[file] = append(p.taken[file], ownedEdit{e, owner})
	}
	return ""
}

// has reports whether e was taken already.
func (p *planner) has(e report.Edit) bool {
	return slices.ContainsFunc(p.taken[e.File], func(old ownedEdit) bool { return old.Edit == e })
}

// conflict returns an accepted edit that conflicts with e.
func (p *planner) conflict(e report.Edit) (ownedEdit, bool) {
	for _, old := range p.taken[e.File] {
		if overlaps(old.Edit, e) {
			return old, true
		}
	}
	return ownedEdit{}, false
}

// edits returns the accepted edits by file.
func (p *planner) edits() map[string][]report.Edit {
	out := make(map[string][]report.Edit, len(p.taken))
	for file, owned := range p.taken {
		for _, e := range owned {
			out[file] = append(out[file], e.Edit)
		}
	}
	return out
}

// normalize checks fix and returns its edits without duplicates, with the
// file filled in, or the reason the fix cannot be applied.
func normalize(f report.Finding, fix report.Fix) ([]report.Edit, string) {
	if len(fix.Edits) == 0 {
		return nil, "the fix has no edits"
	}
	var edits []report.Edit
	for _, e := range fix.Edits {
		if e.File == "" {
			e.File = f.File
		}
		if e.Start.Offset < 0 || e.End.Offset < e.Start.Offset {
			return nil, fmt.Sprintf("the fix has an invalid edit range [%d, %d)", e.Start.Offset, e.End.Offset)
		}
		if !slices.Contains(edits, e) {
			edits = append(edits, e)
		}
	}
	// A fix spanning files could be half applied when a later step drops
	// one of its files; our analyzers never offer one.
	if slices.ContainsFunc(edits, func(e report.Edit) bool { return e.File != edits[0].File }) {
		return nil, "the fix edits more than one file"
	}
	// Insertions at one offset within a fix keep their order, hence stable.
	slices.SortStableFunc(edits, byRange)
	for i := 1; i < len(edits); i++ {
		if edits[i].Start.Offset < edits[i-1].End.Offset {
			return nil, "the fix's own edits overlap"
		}
	}
	return edits, ""
}

// overlaps reports whether two edits of one file conflict: their ranges
// intersect, or both insert at the same offset (the order of the two texts
// would be arbitrary).
func overlaps(a, b report.Edit) bool {
	if a.Start.Offset == a.End.Offset && b.Start.Offset == b.End.Offset {
		return a.Start.Offset == b.Start.Offset
	}
	return a.Start.Offset < b.End.Offset && b.Start.Offset < a.End.Offset
}

// byRange orders edits by start, then end, so an insertion comes before a
// replacement starting at the same offset.
func byRange(a, b report.Edit) int {
	return cmp.Or(
		cmp.Compare(a.Start.Offset, b.Start.Offset),
		cmp.Compare(a.End.Offset, b.End.Offset),
	)
}
