package report

import (
	"encoding/json"
	"io"
	"path/filepath"

	"github.com/reviewlint/reviewlint/analyzers"
)

// CodeClimate prints the Code Climate issue list GitLab reads as a code
// quality report (artifacts:reports:codequality): paths relative to the
// git work tree, and the same fingerprints as SARIF, so GitLab tells new
// findings from old ones across pipelines.
type CodeClimate struct{}

func init() {
	Writers["codeclimate"] = CodeClimate{}
}

type ccIssue struct {
	Type        string     `json:"type"`
	CheckName   string     `json:"check_name"`
	Description string     `json:"description"`
	Categories  []string   `json:"categories"`
	Severity    string     `json:"severity"`
	Fingerprint string     `json:"fingerprint"`
	Location    ccLocation `json:"location"`
}

type ccLocation struct {
	Path  string  `json:"path"`
	Lines ccLines `json:"lines"`
}

type ccLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

// Write implements Writer.
func (CodeClimate) Write(w io.Writer, r *Result, env Env) error {
	src, root := NewSources(), SourceRoot(env.Cwd)
	keys, occ := src.Keys(r.Findings, root)
	issues := []ccIssue{}
	for i, f := range r.Findings {
		issues = append(issues, ccIssue{
			Type: "issue", CheckName: f.Rule, Description: f.Message + " (" + f.Rule + ")",
			Categories: []string{"Bug Risk"}, Severity: ccSeverity(f.Severity), Fingerprint: Fingerprint(keys[i], occ[i]),
			Location: ccLocation{Path: filepath.ToSlash(Rel(root, f.File)), Lines: ccLines{Begin: max(f.Start.Line, 1), End: max(f.End.Line, f.Start.Line, 1)}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}

// ccSeverity maps a severity to GitLab's scale (info, minor, major,
// critical, blocker).
func ccSeverity(s analyzers.Severity) string {
	switch s {
	case analyzers.Error:
		return "critical"
	case analyzers.Info:
		return "info"
	}
	return "major"
}
