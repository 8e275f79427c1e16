package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

type toolSpecs []string

func (s *toolSpecs) String() string     { return strings.Join(*s, " ") }
func (s *toolSpecs) Set(v string) error { *s = append(*s, v); return nil }

func cmdScore(args []string) error {
	fs := flag.NewFlagSet("score", flag.ExitOnError)
	module := fs.String("module", "", "the module prepare made")
	family := fs.String("family", "", "fixture family")
	buildErrors := fs.String("build-errors", "", "file with `go build ./...` errors (empty file: it built)")
	header := fs.String("header", "", "markdown to print first (the run's commands and versions)")
	var specs toolSpecs
	fs.Var(&specs, "tool", "LABEL;FORMAT;CHECKS;FILE (repeatable, in column order); FORMAT is reviewlint, vet, staticcheck or golangci")
	fs.Parse(args)
	if *module == "" || *family == "" || len(specs) == 0 {
		return fmt.Errorf("score: -module, -family and at least one -tool are required")
	}
	t, err := loadTruth(*module, *family)
	if err != nil {
		return err
	}
	var results []*result
	for _, spec := range specs {
		tl, file, err := parseToolSpec(spec)
		if err != nil {
			return err
		}
		if err := tl.read(file, *module); err != nil {
			return err
		}
		results = append(results, score(t, tl))
	}
	var head, builds string
	if *header != "" {
		b, err := os.ReadFile(*header)
		if err != nil {
			return err
		}
		head = string(b)
	}
	if *buildErrors != "" {
		b, err := os.ReadFile(*buildErrors)
		if err != nil {
			return err
		}
		builds = string(b)
	}
	writeReport(os.Stdout, t, results, head, builds)
	return nil
}

// result is one tool scored against the truth.
type result struct {
	tool  *tool
	tp    map[*posCase][]finding // findings on the want line
	fp    map[*fn][]finding      // findings inside a negative function
	near  map[*fn][]finding      // findings in a positive's function, not on a want line
	other []other
}

type other struct {
	f    finding
	note string
}

func score(t *truth, tl *tool) *result {
	r := &result{tool: tl, tp: map[*posCase][]finding{}, fp: map[*fn][]finding{}, near: map[*fn][]finding{}}
	negative := map[*fn]bool{}
	for _, n := range t.negatives {
		negative[n] = true
	}
	for _, f := range tl.findings {
		if pc := t.posAt[lineKey(f.file, f.line)]; pc != nil {
			r.tp[pc] = append(r.tp[pc], f)
			continue
		}
		cls, known := t.classes[f.file]
		if !known {
			r.other = append(r.other, other{f, "outside the family's scored packages"})
			continue
		}
		fn := enclosing(t.funcs[f.file], f.line)
		switch {
		case fn == nil:
			r.other = append(r.other, other{f, fmt.Sprintf("%s package, outside every function", cls)})
		case negative[fn]:
			r.fp[fn] = append(r.fp[fn], f)
		case cls == classFix:
			r.other = append(r.other, other{f, "in " + fn.id() + " (fix/ packages are not scored)"})
		case len(fn.wants) > 0:
			r.near[fn] = append(r.near[fn], f)
			r.other = append(r.other, other{f, fmt.Sprintf("in positive case %s, not on its // want line (%s)", fn.id(), joinLines(fn.wants))})
		default:
			r.other = append(r.other, other{f, "in " + fn.id() + ", a bad/ function without // want (helper)"})
		}
	}
	return r
}

func joinLines(lines []int) string {
	var s []string
	for _, l := range lines {
		s = append(s, fmt.Sprintf("line %d", l))
	}
	return strings.Join(s, ", ")
}

// checks returns the distinct checks of fs in order of first appearance.
func checks(fs []finding) []string {
	var out []string
	seen := map[string]bool{}
	for _, f := range fs {
		if !seen[f.check] {
			seen[f.check] = true
			out = append(out, f.check)
		}
	}
	return out
}

// owns reports whether finding f belongs to a case of caseRule.
func (r *result) owns(t *truth, caseRule string, f finding) bool {
	return t.owns(caseRule, r.tool.ruleOf(t.family, f.check))
}

func (r *result) split(t *truth, caseRule string, fs []finding) (own, cross []finding) {
	for _, f := range fs {
		if r.owns(t, caseRule, f) {
			own = append(own, f)
		} else {
			cross = append(cross, f)
		}
	}
	return own, cross
}

// short is a check's name in a cell: reviewlint's rules without the family.
func (r *result) short(t *truth, check string) string {
	if r.tool.format == "reviewlint" {
		return strings.TrimPrefix(check, t.family+"/")
	}
	return check
}

// describe renders findings as "L12,L14 check" groups. withLines adds the
// lines; the check name is left out for a case's own check when the column
// says it already (reviewlint's rule named by the case, a one-check tool);
// checks of another rule are put in parentheses.
func (r *result) describe(t *truth, caseRule string, fs []finding, withLines bool) string {
	var parts []string
	own, cross := r.split(t, caseRule, fs)
	for _, c := range checks(append(own, cross...)) { // the case's own checks first
		var lines []string
		seen := map[int]bool{}
		for _, f := range fs {
			if f.check == c && !seen[f.line] {
				seen[f.line] = true
				lines = append(lines, fmt.Sprintf("L%d", f.line))
			}
		}
		own := t.owns(caseRule, r.tool.ruleOf(t.family, c))
		name := r.short(t, c)
		var part []string
		if withLines {
			part = append(part, strings.Join(lines, ","))
		}
		switch {
		case !own:
			part = append(part, "("+name+")")
		case len(cross) > 0:
			part = append(part, name)
		case r.tool.format == "reviewlint" && t.isRule[caseRule]:
		case !strings.Contains(r.tool.checks, ","):
		default:
			part = append(part, name)
		}
		if len(part) > 0 {
			parts = append(parts, strings.Join(part, " "))
		}
	}
	return strings.Join(parts, ", ")
}

func (r *result) posCell(t *truth, pc *posCase) string {
	if fs := r.tp[pc]; len(fs) > 0 {
		return strings.TrimSpace("✓ " + r.describe(t, rule(pc.pkg), fs, false))
	}
	if pc.fn != nil {
		if fs := r.near[pc.fn]; len(fs) > 0 {
			return "– [" + r.describe(t, rule(pc.pkg), fs, true) + "]"
		}
	}
	return "–"
}

func (r *result) negCell(t *truth, n *fn) string {
	if fs := r.fp[n]; len(fs) > 0 {
		return "✗ " + r.describe(t, rule(n.pkg), fs, true)
	}
	return "·"
}

// counts of one tool, or of one of its checks when check != "".
type counts struct {
	tp, ownTP, fp, ownFP, near, other int
}

func (r *result) count(t *truth, check string, pos []*posCase, neg []*fn) counts {
	sel := func(fs []finding) []finding {
		var out []finding
		for _, f := range fs {
			if check == "" || f.check == check {
				out = append(out, f)
			}
		}
		return out
	}
	var c counts
	for _, pc := range pos {
		if fs := sel(r.tp[pc]); len(fs) > 0 {
			c.tp++
			if own, _ := r.split(t, rule(pc.pkg), fs); len(own) > 0 {
				c.ownTP++
			}
		} else if pc.fn != nil {
			// A check aimed at the case's rule reported the right
			// function, on another line.
			if own, _ := r.split(t, rule(pc.pkg), sel(r.near[pc.fn])); len(own) > 0 {
				c.near++
			}
		}
	}
	for _, n := range neg {
		if fs := sel(r.fp[n]); len(fs) > 0 {
			c.fp++
			if own, _ := r.split(t, rule(n.pkg), fs); len(own) > 0 {
				c.ownFP++
			}
		}
	}
	for _, o := range r.other {
		if check == "" || o.f.check == check {
			c.other++
		}
	}
	return c
}

func pct(a, b int) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%d%%", (100*a+b/2)/b)
}

func md(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}

func writeReport(w io.Writer, t *truth, rs []*result, head, buildErrors string) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	if head != "" {
		p("%s\n\n", strings.TrimRight(head, "\n"))
	}
	nPos, nNeg := len(t.positives), len(t.negatives)
	p("Ground truth: **%d positive cases** (each `// want` line of a bad/ package, or of a package that is neither bad/, good/ nor fix/, such as facts/use) and **%d negative cases** (each function of a good/ package, and each function without `// want` of those other packages), from %d packages.", nPos, nNeg, len(t.pkgs))
	if t.fixWants > 0 {
		p(" The `// want` lines of fix/ packages (%d) are not scored.", t.fixWants)
	}
	p("\n\n")
	p("A positive is found when the tool reports on its `// want` line; a negative is falsely flagged when the tool reports anywhere in the function. ")
	p("The \"matching check\" columns count only findings of a check aimed at the case's rule (the rule directory the fixture is in; for facts/ any check), so that, say, noctx reporting `http.Get` inside a body-closing negative is told apart from bodyclose false-alarming there.\n\n")
	if strings.TrimSpace(buildErrors) != "" {
		p("**Warning: some fixtures do not build; every tool's view of them is partial.**\n\n```\n%s\n```\n\n", strings.TrimSpace(buildErrors))
	}

	// Summary.
	p("## Summary\n\n")
	p("| tool | checks (→ rule they target) | positives found | negatives falsely flagged | positives found by the matching check | negatives flagged by the matching check | missed on the line, reported elsewhere in the function by the matching check | other findings |\n")
	p("| --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, r := range rs {
		c := r.count(t, "", t.positives, t.negatives)
		p("| **%s** | %s | **%d / %d** (%s) | **%d / %d** | %d / %d | %d / %d | %d | %d |\n",
			r.tool.label, md(r.describeChecks(t)), c.tp, nPos, pct(c.tp, nPos), c.fp, nNeg, c.ownTP, nPos, c.ownFP, nNeg, c.near, c.other)
		all := checks(r.tool.findings)
		if !strings.Contains(r.tool.checks, " ") {
			for _, ch := range strings.Split(r.tool.checks, ",") {
				if ch != "" && !containsStr(all, ch) {
					all = append(all, ch)
				}
			}
		}
		sort.Strings(all)
		if len(all) > 1 {
			for _, ch := range all {
				c := r.count(t, ch, t.positives, t.negatives)
				target := r.tool.ruleOf(t.family, ch)
				if target == "" {
					target = "no rule here"
				}
				p("| ↳ %s | → %s | %d | %d | %d | %d | %d | %d |\n", md(r.short(t, ch)), md(target), c.tp, c.fp, c.ownTP, c.ownFP, c.near, c.other)
			}
		}
	}
	p("\n")
	for _, r := range rs {
		if len(r.tool.errors) > 0 {
			p("%s reported %d load/compile errors:\n\n```\n%s\n```\n\n", r.tool.label, len(r.tool.errors), strings.Join(r.tool.errors, "\n"))
		}
	}

	// By rule.
	p("## By rule\n\n")
	p("Each cell: positives found / positives · negatives flagged / negatives; in parentheses the same two counts with the matching check only, where they differ.\n\n")
	p("| rule |")
	for _, r := range rs {
		p(" %s |", r.tool.label)
	}
	p("\n| --- |")
	for range rs {
		p(" --- |")
	}
	p("\n")
	var rules []string
	seenRule := map[string]bool{}
	posBy := map[string][]*posCase{}
	negBy := map[string][]*fn{}
	for _, pc := range t.positives {
		posBy[rule(pc.pkg)] = append(posBy[rule(pc.pkg)], pc)
	}
	for _, n := range t.negatives {
		negBy[rule(n.pkg)] = append(negBy[rule(n.pkg)], n)
	}
	for _, pkg := range t.pkgs {
		ru := rule(strings.TrimPrefix(pkg, t.family+"/"))
		if !seenRule[ru] && (len(posBy[ru]) > 0 || len(negBy[ru]) > 0) {
			seenRule[ru] = true
			rules = append(rules, ru)
		}
	}
	for _, ru := range rules {
		p("| %s |", ru)
		for _, r := range rs {
			c := r.count(t, "", posBy[ru], negBy[ru])
			p(" %d/%d · %d/%d", c.tp, len(posBy[ru]), c.fp, len(negBy[ru]))
			if c.ownTP != c.tp || c.ownFP != c.fp {
				p(" (%d · %d)", c.ownTP, c.ownFP)
			}
			p(" |")
		}
		p("\n")
	}
	p("\n")

	// What matters most: anchors ahead of reviewlint, reviewlint's false alarms.
	if len(rs) > 0 && rs[0].tool.format == "reviewlint" {
		rl := rs[0]
		p("## Where reviewlint is behind or wrong\n\n")
		var ahead, coincidental, own, cross, missed []string
		for _, pc := range t.positives {
			rlOwn, _ := rl.split(t, rule(pc.pkg), rl.tp[pc])
			if len(rlOwn) > 0 {
				continue
			}
			missed = append(missed, fmt.Sprintf("%s (%s)", pc.name(), pc.where()))
			for _, r := range rs[1:] {
				o, x := r.split(t, rule(pc.pkg), r.tp[pc])
				for _, f := range o {
					ahead = append(ahead, fmt.Sprintf("- **%s** (%s): %s %s reports it — %q", pc.name(), pc.where(), r.tool.label, f.check, f.message))
				}
				for _, f := range x {
					coincidental = append(coincidental, fmt.Sprintf("- %s (%s): %s %s reports the line, for another reason — %q", pc.name(), pc.where(), r.tool.label, f.check, f.message))
				}
			}
		}
		for _, n := range t.negatives {
			o, x := rl.split(t, rule(n.pkg), rl.fp[n])
			var clean []string
			for _, r := range rs[1:] {
				if len(r.fp[n]) == 0 {
					clean = append(clean, r.tool.label)
				}
			}
			cleanText := "no anchor reports anything there"
			if len(clean) < len(rs)-1 {
				cleanText = "clean: " + strings.Join(clean, ", ")
				if len(clean) == 0 {
					cleanText = "every anchor reports something there too"
				}
			}
			for _, f := range o {
				own = append(own, fmt.Sprintf("- **%s** (%s:%d): %s — %q (%s)", n.id(), baseName(f.file), f.line, f.check, f.message, cleanText))
			}
			for _, f := range x {
				cross = append(cross, fmt.Sprintf("- %s (%s:%d; a negative for %s): %s — %q", n.id(), baseName(f.file), f.line, rule(n.pkg), f.check, f.message))
			}
		}
		section := func(title string, lines []string) {
			p("**%s:** ", title)
			if len(lines) == 0 {
				p("none.\n\n")
				return
			}
			p("%d\n\n%s\n\n", len(lines), strings.Join(lines, "\n"))
		}
		section("Positives an anchor finds with its matching check and reviewlint misses", ahead)
		section("Positives reviewlint misses that an anchor reports on the same line with another rule's check", coincidental)
		section("Negatives reviewlint flags with the fixture's own rule (false alarms)", own)
		section("Negatives reviewlint flags with another rule (the fixture is a negative for its own rule only: is the other rule right?)", cross)
		if len(missed) > 0 {
			p("**Positives reviewlint misses (matching rule):** %s.\n\n", strings.Join(missed, ", "))
		} else {
			p("**Positives reviewlint misses (matching rule):** none.\n\n")
		}
	}

	// Per case.
	p("## Positive cases\n\n")
	p("✓ reported on the `// want` line · – missed · in brackets: lines of the same function the tool reports instead (not counted) · a check in parentheses targets another rule than the case's · a bare check name says which of the column's checks reported.\n\n")
	p("| case | line |")
	for _, r := range rs {
		p(" %s |", r.tool.label)
	}
	p("\n| --- | --- |")
	for range rs {
		p(" --- |")
	}
	p("\n")
	for _, pc := range t.positives {
		p("| %s | %s |", pc.name(), pc.where())
		for _, r := range rs {
			p(" %s |", md(r.posCell(t, pc)))
		}
		p("\n")
	}
	p("\n## Negative cases\n\n")
	p("· nothing reported in the function · ✗ reported, with the lines; a check in parentheses targets another rule than the case's.\n\n")
	p("| case | lines |")
	for _, r := range rs {
		p(" %s |", r.tool.label)
	}
	p("\n| --- | --- |")
	for range rs {
		p(" --- |")
	}
	p("\n")
	for _, n := range t.negatives {
		p("| %s | %s:%d-%d |", n.id(), baseName(n.file), n.start, n.end)
		for _, r := range rs {
			p(" %s |", md(r.negCell(t, n)))
		}
		p("\n")
	}

	// False positives in full, and the rest.
	p("\n## Findings in negative cases, with messages\n\n")
	any := false
	for _, r := range rs {
		for _, n := range t.negatives {
			for _, f := range r.fp[n] {
				any = true
				mark := ""
				if !r.owns(t, rule(n.pkg), f) {
					mark = " (another rule's check)"
				}
				p("- %s %s%s — %s (%s:%d): %s\n", r.tool.label, f.check, mark, n.id(), baseName(f.file), f.line, f.message)
			}
		}
	}
	if !any {
		p("None.\n")
	}
	p("\n## Other findings (not scored)\n\n")
	any = false
	for _, r := range rs {
		if len(r.other) == 0 {
			continue
		}
		if !any {
			p("| tool | check | where | message | note |\n| --- | --- | --- | --- | --- |\n")
			any = true
		}
		for _, o := range r.other {
			p("| %s | %s | %s:%d | %s | %s |\n", r.tool.label, md(o.f.check), o.f.file, o.f.line, md(o.f.message), md(o.note))
		}
	}
	if !any {
		p("None.\n")
	}
}

// describeChecks is the summary's "checks" cell.
func (r *result) describeChecks(t *truth) string {
	if strings.Contains(r.tool.checks, " ") {
		return r.tool.checks
	}
	var parts []string
	for _, c := range strings.Split(r.tool.checks, ",") {
		if target := r.tool.ruleOf(t.family, c); target != "" {
			parts = append(parts, c+" → "+target)
		} else {
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, ", ")
}

func baseName(file string) string {
	if i := strings.LastIndex(file, "/"); i >= 0 {
		return file[i+1:]
	}
	return file
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
