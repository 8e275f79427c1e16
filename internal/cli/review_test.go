package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/goccy/go-yaml"
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
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"sarifcheck": cmdSARIFCheck, "actionstep": cmdActionStep},
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

// cmdActionStep is the script command `actionstep ID FILE`: it writes the
// run script of the step with that id in the repository's action.yml to
// FILE, so a script can run the action's shell step for real.
func cmdActionStep(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: actionstep ID FILE")
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	ts.Check(err)
	var action struct {
		Runs struct {
			Using string
			Steps []struct{ ID, Run, Shell string }
		}
	}
	ts.Check(yaml.Unmarshal(data, &action))
	if action.Runs.Using != "composite" {
		ts.Fatalf("action.yml: runs.using is %q, want composite", action.Runs.Using)
	}
	for _, st := range action.Runs.Steps {
		if st.ID == args[0] {
			if st.Shell != "bash" {
				ts.Fatalf("step %s: shell %q, want bash", st.ID, st.Shell)
			}
			ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(st.Run), 0o666))
			return
		}
	}
	ts.Fatalf("action.yml has no step with id %s", args[0])
}
