package lifetime

import (
	"fmt"
	"os"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"
)

func TestDebugSummaries(t *testing.T) {
	if os.Getenv("LIFETIME_DEBUG") == "" {
		t.Skip()
	}
	dbg := &analysis.Analyzer{
		Name: "dbg", Doc: "debug", Requires: []*analysis.Analyzer{Analyzer, buildssa.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			s := newSummarizer(pass)
			for _, fn := range pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs {
				for _, b := range fn.Blocks {
					for _, ins := range b.Instrs {
						_ = ins
					}
				}
				fmt.Println(fn, s.summary(fn))
			}
			for _, ob := range pass.ResultOf[Analyzer].(*Result).Obligations {
				fmt.Println("obligation", ob.Fn, ob.Kind.Name, ob.Leaks, ob.Released)
				for _, b := range ob.Fn.Blocks {
					for _, ins := range b.Instrs {
						if u := ob.t.classify(ins); u != useNone {
							fmt.Println("   use", u, ins)
							if c, ok := ins.(interface{ Common() *ssa.CallCommon }); ok {
								if f, ok := c.Common().Value.(*ssa.Function); ok {
									fmt.Println("      summary", s.summary(f), f.Signature.Recv(), len(f.Blocks), f.Object())
									var sum Summary
									fmt.Println("      fact", pass.ImportObjectFact(f.Object(), &sum), sum.String())
								}
							}
						}
					}
				}
				if fn, ok := ob.Call.Block().Parent().Prog.ImportedPackage("database/sql").Members["Rows"].(interface{}); ok {
					_ = fn
				}
			}
			return nil, nil
		},
	}
	dir, _ := os.Getwd()
	analysistest.Run(t, dir+"/../../../testdata", dbg, os.Getenv("LIFETIME_DEBUG"))
}
