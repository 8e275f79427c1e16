package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reviewlint/reviewlint/internal/report"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestReviewScripts runs testdata/review/*.txtar: the formats and filters
// review bots and hooks use (SARIF, GitHub annotations, rdjson, -new-from-rev,
// baselines), end to end through the CLI.
func TestReviewScripts(t *testing.T) {
	goEnv := goEnvironment(t)
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "review"),
		Setup: func(env *testscript.Env) error {
			for k, v := range goEnv {
				env.Setenv(k, v)
			}
			env.Setenv("HOME", filepath.Join(env.WorkDir, "home"))
			env.Setenv("REVIEWLINT_CACHE", filepath.Join(env.WorkDir, "rlcache"))
			// Scripts that commit need an identity and no user config.
			env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			env.Setenv("GIT_AUTHOR_NAME", "t")
			env.Setenv("GIT_AUTHOR_EMAIL", "t@example.com")
			env.Setenv("GIT_COMMITTER_NAME", "t")
			env.Setenv("GIT_COMMITTER_EMAIL", "t@example.com")
			return nil
		},
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"sarifcheck": cmdSARIFCheck},
		RequireExplicitExec: true,
	})
}

// cmdSARIFCheck is the script command `sarifcheck FILE NAME`: FILE passes
// GitHub code scanning's rules on top of the schema, and is saved as NAME
// for .ci/sarif-validate's schema check.
func cmdSARIFCheck(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: sarifcheck FILE NAME")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Check(report.CheckGitHubSARIF(data))
	ts.Check(report.SaveSARIFSample("script-"+args[1], data))
}
