package resourceclose_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reviewlint/reviewlint/analyzers/resourceclose"
)

func TestCmdNotWaited(t *testing.T) {
	analysistest.Run(t, testdata(t), resourceclose.Analyzer,
		"resourceclose/cmd-not-waited/bad", "resourceclose/cmd-not-waited/good")
}

func TestDeferInLoop(t *testing.T) {
	analysistest.Run(t, testdata(t), resourceclose.Analyzer,
		"resourceclose/defer-in-loop/bad", "resourceclose/defer-in-loop/good")
}

func TestRowsErrUnchecked(t *testing.T) {
	analysistest.Run(t, testdata(t), resourceclose.Analyzer,
		"resourceclose/rows-err-unchecked/bad", "resourceclose/rows-err-unchecked/good")
}
