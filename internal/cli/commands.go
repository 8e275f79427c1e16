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
	if len(args) > 0 {
		return ExitUsage, usageError{fmt.Errorf("rules takes no arguments")}
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tDEFAULT\tTITLE")
	for _, r := range analyzers.Rules() {
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
	if err := tw.Flush(); err != nil {
		return ExitUsage, err
	}
	fmt.Fprintln(stdout, "\nRules marked [staticcheck] are staticcheck's checks (honnef.co/go/tools, MIT), and [go vet] go vet's passes (golang.org/x/tools, BSD), bundled with credit.")
	return ExitClean, nil
}

// cmdExplain prints one rule's documentation.
func cmdExplain(args []string, stdout io.Writer) (int, error) {
	if len(args) != 1 {
		return ExitUsage, usageError{fmt.Errorf("usage: reviewlint explain RULE (see reviewlint rules)")}
	}
	r, ok := analyzers.Lookup(args[0])
	if !ok {
		return ExitUsage, usageError{fmt.Errorf("unknown rule %q (see reviewlint rules)", args[0])}
	}
	fmt.Fprint(stdout, docgen.ExplainText(r))
	return ExitClean, nil
}

func cmdCleanCache(stdout io.Writer) (int, error) {
	dir, err := driver.CleanCache()
	if err != nil {
		return ExitUsage, err
	}
	fmt.Fprintf(stdout, "removed %s\n", dir)
	return ExitClean, nil
}
