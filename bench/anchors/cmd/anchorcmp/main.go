// Command anchorcmp is the helper of bench/anchors/compare:
//
//	anchorcmp prepare -src DIR -family NAME -dst DIR [-go VERSION] [-module PATH]
//	anchorcmp score   -module DIR -family NAME [-build-errors FILE] [-header FILE] -tool SPEC...
//	anchorcmp corpus  -family NAME -ours DIR -theirs DIR [-ledger FILE] [-triage FILE] [-sample N]
//	anchorcmp peers prepare -src DIR -dst DIR -module PATH [-go VERSION] [-gomod FILE]
//	anchorcmp peers score   -scope FILE [-header FILE] -peer 'NAME;MODULE@VERSION;DIR;DEFAULT;ALL;BROKEN'...
//
// prepare copies the analysistest fixtures of one family (GOPATH layout under
// testdata/src) into a throwaway module whose path is -module (default
// "fixtures"), rewriting imports of fixture packages and dropping .golden
// files. score reads the ground truth from that module (// want lines are
// positive cases, functions of good/ packages negative cases), reads every
// tool's output, and prints the markdown comparison. corpus compares one
// family's findings on the corpus (bench/findings) with golangci-lint's
// anchor linters on the same packages (bench/anchors/corpus). See
// bench/anchors/README.md. peers builds the testdata of the linters
// reviewlint means to replace into scratch modules and scores reviewlint on
// their want lines in scope (bench/peers/README.md).
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "prepare":
		err = cmdPrepare(os.Args[2:])
	case "score":
		err = cmdScore(os.Args[2:])
	case "corpus":
		err = cmdCorpus(os.Args[2:])
	case "peers":
		err = cmdPeers(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "anchorcmp:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, `usage:
  anchorcmp prepare -src DIR -family NAME -dst DIR [-go VERSION] [-module PATH]
  anchorcmp score   -module DIR -family NAME [-build-errors FILE] [-header FILE] -tool 'LABEL;FORMAT;CHECKS;FILE'...
  anchorcmp corpus  -family NAME -ours DIR -theirs DIR [-ledger FILE] [-triage FILE] [-sample N]
  anchorcmp peers prepare -src DIR -dst DIR -module PATH [-go VERSION] [-gomod FILE]
  anchorcmp peers score   -scope FILE [-header FILE] -peer 'NAME;MODULE@VERSION;DIR;DEFAULT;ALL;BROKEN'...`)
	os.Exit(2)
}
