package leaks

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/lifetime"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/typematch"
)

// Leak describes one leaking obligation for a message.
type Leak struct {
	Ob   *lifetime.Obligation
	Site *Site
	// Name is the variable the resource is assigned to ("" if none, "_"
	// when discarded).
	Name string
	// What reads "file f from os.Open (line 12)".
	What string
	// Exit is the first leaking path; ExitLine its line.
	Exit     lifetime.Leak
	ExitLine int
	// DeferredLine, when not 0, is the line of a deferred func that
	// releases the resource on other paths than Exit's only.
	DeferredLine int
}

// Describe gathers what a message about ob needs.
func Describe(pass *analysis.Pass, ob *lifetime.Obligation, site *Site) Leak {
	l := Leak{Ob: ob, Site: site, Name: site.Name(ob.Result)}
	line := pass.Fset.Position(ob.Call.Pos()).Line
	if !named(l.Name) {
		l.What = fmt.Sprintf("%s from %s (line %d)", ob.Kind.Name, site.Callee(ob), line)
	} else {
		l.What = fmt.Sprintf("%s %s from %s (line %d)", ob.Kind.Name, l.Name, site.Callee(ob), line)
	}
	if len(ob.Leaks) > 0 {
		l.Exit = FirstLeak(ob.Leaks)
		l.ExitLine = pass.Fset.Position(l.Exit.Pos).Line
		if l.Exit.Deferred.IsValid() {
			l.DeferredLine = pass.Fset.Position(l.Exit.Deferred).Line
		}
	}
	return l
}

// Advice is what a message advises: def, or, when a deferred func
// releases the resource on other paths only, that the func be made to
// release it on this one.
func (l Leak) Advice(def string) string {
	if l.DeferredLine == 0 {
		return def
	}
	if l.Exit.Cleared {
		return fmt.Sprintf("%s is nil when the deferred func at line %d runs (set on this path, or by this return into a named result), so it releases nothing; release it before returning, or keep it in a variable the return does not clear", l.NameOr("the variable"), l.DeferredLine)
	}
	return fmt.Sprintf("the deferred func at line %d releases it on other paths only", l.DeferredLine)
}

// Discarded reports whether the resource was never assigned to a name.
func (l Leak) Discarded() bool { return l.Ob.Value == nil || l.Name == "_" }

// Loops reports whether the first leaking path is a loop back to the
// acquisition rather than a return.
func (l Leak) Loops() bool { return l.Exit.Exit == nil }

// NameOr is the resource's name, or placeholder when it has none.
func (l Leak) NameOr(placeholder string) string { return nameOr(l.Name, placeholder) }

// Release renders the kind's release statement for the resource's name.
func (l Leak) Release() string {
	name := l.NameOr("x")
	if l.Ob.Kind == lifetime.KindCancel && l.Ob.Value != nil && typematch.Named(l.Ob.Value.Type(), "context", "CancelCauseFunc") {
		return name + "(nil)" // a CancelCauseFunc takes the cause
	}
	return fmt.Sprintf(l.Ob.Kind.Fix, name)
}

// Diagnostic builds the finding at the acquisition, with the leaking exit
// as related information and fix attached when there is one.
func (l Leak) Diagnostic(category, message string, fix *analysis.SuggestedFix) analysis.Diagnostic {
	d := analysis.Diagnostic{
		Pos:      l.Ob.Call.Pos(),
		End:      l.Site.End(l.Ob.Call.Pos()),
		Category: category,
		Message:  message,
	}
	if l.Ob.Value != nil && len(l.Ob.Leaks) > 0 {
		d.Related = []analysis.RelatedInformation{{Pos: l.Exit.Pos, End: l.Exit.Pos, Message: "the path leaves here still owing the release"}}
		if l.Exit.Deferred.IsValid() {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: l.Exit.Deferred, End: l.Exit.Deferred, Message: "deferred here, releasing it on other paths only"})
		}
	}
	if fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	return d
}

// FirstLeak prefers a leaking return over a loop back-edge, and the
// earliest return among several.
func FirstLeak(leaks []lifetime.Leak) lifetime.Leak {
	best := leaks[0]
	for _, l := range leaks[1:] {
		if (best.Exit == nil && l.Exit != nil) || (l.Exit != nil && l.Pos < best.Pos) {
			best = l
		}
	}
	return best
}

// DeferFix inserts "defer <release>" after the acquisition's error check
// (or after the acquisition when it returns no error). It is offered only
// where it is plainly right: the resource has a name, is not acquired in a
// loop, and (unless releasing twice is harmless, like a Rollback after
// Commit) is never released or handed on in the function.
func (l Leak) DeferFix(twiceIsHarmless bool) *analysis.SuggestedFix {
	if l.Discarded() || l.Name == "" || l.Site == nil || l.Site.InLoop {
		return nil
	}
	if l.Ob.Released && !twiceIsHarmless {
		return nil
	}
	at, ok := l.Site.InsertionPoint(l.Ob.ReturnsError())
	if !ok {
		return nil
	}
	stmt := "defer " + l.Release()
	return &analysis.SuggestedFix{
		Message:   fmt.Sprintf("Add %s", stmt),
		TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("\n" + stmt)}},
	}
}

// Line is the line of pos.
func Line(pass *analysis.Pass, pos token.Pos) int { return pass.Fset.Position(pos).Line }
