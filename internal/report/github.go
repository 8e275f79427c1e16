package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/reviewlint/reviewlint/analyzers"
)

// GitHub prints GitHub Actions workflow commands, one per finding, which
// the runner turns into annotations on the pull request's diff:
//
//	::warning file=a/a.go,line=3,col=5,endLine=3,endColumn=9,title=RULE::message
//
// Paths are relative to the git work tree (the workspace GitHub resolves
// them against), columns in UTF-16 code units; a package that failed to
// load is an error annotation without a file.
type GitHub struct{}

func init() {
	Writers["github"] = GitHub{}
}

// Write implements Writer.
func (GitHub) Write(w io.Writer, r *Result, env Env) error {
	src, root := NewSources(), SourceRoot(env.Cwd)
	for _, f := range r.Findings {
		props := []string{"file=" + ghProperty(filepath.ToSlash(Rel(root, f.File)))}
		if f.Start.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", f.Start.Line))
			if f.Start.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", src.UTF16Column(f.File, f.Start.Line, f.Start.Column)))
			}
			if f.End.Line > f.Start.Line || (f.End.Line == f.Start.Line && f.End.Column > f.Start.Column) {
				props = append(props, fmt.Sprintf("endLine=%d", f.End.Line), fmt.Sprintf("endColumn=%d", src.UTF16Column(f.File, f.End.Line, f.End.Column)))
			}
		}
		props = append(props, "title="+ghProperty(f.Rule))
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", ghCommand(f.Severity), strings.Join(props, ","), ghData(f.Message)); err != nil {
			return err
		}
	}
	for _, e := range r.Errors {
		msg := e.Message
		if e.Package != "" {
			msg = e.Package + ": " + msg
		}
		if _, err := fmt.Fprintf(w, "::error title=reviewlint::%s\n", ghData(relMessage(env.Cwd, msg))); err != nil {
			return err
		}
	}
	return nil
}

// ghCommand is the workflow command for a severity.
func ghCommand(s analyzers.Severity) string {
	switch s {
	case analyzers.Error:
		return "error"
	case analyzers.Info:
		return "notice"
	}
	return "warning"
}

// ghData escapes a command's message the way the runner unescapes it: %,
// CR and LF.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a property value: the message's escapes plus the
// property separators : and ,.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// relMessage shortens absolute paths under cwd in a compiler message.
func relMessage(cwd, msg string) string {
	if cwd == "" {
		return msg
	}
	return strings.ReplaceAll(msg, cwd+string(filepath.Separator), "")
}
