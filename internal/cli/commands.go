package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/internal/docgen"
	"github.com/reviewlint/reviewlint/internal/driver"
)

// cmdRules prints the catalog as a table.
func cmdRules(args []string, stdout io.Writer) (int, error) {
	verbose := len(args) == 1 && (args[0] == "-v" || args[0] == "--v")
	if len(args) > 0 && !verbose {
		return ExitUsage, usageError{fmt.Errorf("rules takes no arguments but -v")}
	}
	if verbose {
		for _, r := range analyzers.Rules() {
			fmt.Fprintf(stdout, "%s (%s, %s)\n    %s\n", r.ID, r.Severity, onOffWord(r.Default), docgen.Evidence(r))
		}
		return ExitClean, nil
	}
	if err := ruleTable(stdout, analyzers.Rules()); err != nil {
		return ExitUsage, err
	}
	fmt.Fprintln(stdout, "\nRules marked [staticcheck] are staticcheck's checks (honnef.co/go/tools, MIT), and [go vet] go vet's passes (golang.org/x/tools, BSD), bundled with credit.")
	return ExitClean, nil
}

// onOffWord renders a rule's default.
func onOffWord(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// ruleTable writes rules as RULE, SEVERITY, DEFAULT, TITLE columns.
func ruleTable(w io.Writer, rules []analyzers.Rule) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tDEFAULT\tTITLE")
	for _, r := range rules {
		def := "off"
		if r.Default {
			def = "on"
		}
		title := r.Title
		if r.Credit != "" {
			title += " [" + strings.SplitN(r.Credit, " (", 2)[0] + "]"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, def, title)
	}
	return tw.Flush()
}

// cmdExplain prints one rule's documentation, or a family's rules.
func cmdExplain(args []string, stdout io.Writer) (int, error) {
	if len(args) != 1 {
		return ExitUsage, usageError{fmt.Errorf("usage: reviewlint explain RULE|FAMILY (see reviewlint rules)")}
	}
	if r, ok := analyzers.Lookup(args[0]); ok {
		fmt.Fprint(stdout, docgen.ExplainText(r))
		return ExitClean, nil
	}
	name := strings.ToLower(args[0])
	rules := familyRules(name)
	if len(rules) == 0 {
		return ExitUsage, usageError{fmt.Errorf("unknown rule or family %q (see reviewlint rules)", args[0])}
	}
	if a := analyzers.FamilyAnalyzer(name); a != nil {
		title, _, _ := strings.Cut(a.Doc, "\n") // "httpbody: reports ..."
		fmt.Fprintf(stdout, "%s\n\n", title)
	} else {
		fmt.Fprintf(stdout, "%s: the bundled checks of %s\n\n", name, name)
	}
	if err := ruleTable(stdout, rules); err != nil {
		return ExitUsage, err
	}
	fmt.Fprintf(stdout, "\nRun `reviewlint explain RULE` for a rule's documentation.\n")
	if a := analyzers.FamilyAnalyzer(name); a != nil && a.URL != "" {
		fmt.Fprintf(stdout, "Documentation: %s\n", a.URL)
	}
	return ExitClean, nil
}

// familyRules lists the rules of a family (its own and the bundled checks
// filed under it), or the bundled checks of a tool ("staticcheck").
func familyRules(name string) []analyzers.Rule {
	var out []analyzers.Rule
	for _, r := range analyzers.Rules() {
		tool := strings.ToLower(strings.SplitN(r.Credit, " (", 2)[0])
		if r.Family == name || (tool != "" && tool == name) {
			out = append(out, r)
		}
	}
	return out
}

func cmdCleanCache(stdout io.Writer) (int, error) {
	dir, err := driver.CleanCache()
	if err != nil {
		return ExitUsage, err
	}
	fmt.Fprintf(stdout, "removed %s\n", dir)
	return ExitClean, nil
}
