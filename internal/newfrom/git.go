package newfrom

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// FromRev returns what the work tree changed since rev (committed, staged
// and unstaged changes, renames followed), plus untracked files as new as
// a whole, like golangci-lint's new-from-rev. dir is any directory inside
// the work tree.
func FromRev(dir, rev string) (*Changes, error) {
	root, err := gitRoot(dir, "-new-from-rev")
	if err != nil {
		return nil, err
	}
	if _, err := git(root, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("-new-from-rev: %q is not a commit in the repository at %s", rev, root)
	}
	// Fixed prefixes and no external diff or colour whatever the user's
	// config says; -U0 because only changed lines matter.
	patch, err := git(root, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
		"-M", "-U0", "--src-prefix=a/", "--dst-prefix=b/", rev, "--")
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev: git diff %s: %v", rev, err)
	}
	c, err := ParsePatch(bytes.NewReader(patch), root)
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev: reading git diff: %v", err)
	}
	untracked, err := git(root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev: git ls-files: %v", err)
	}
	for _, name := range strings.Split(string(untracked), "\x00") {
		if name != "" {
			c.AddFile(filepath.Join(root, filepath.FromSlash(name)))
		}
	}
	return c, nil
}

// FromPatch reads a unified diff from file ("-" for standard input) whose
// paths are relative to the git work tree containing dir, as git diff
// writes them, or to dir outside git.
func FromPatch(dir, file string) (*Changes, error) {
	var (
		data []byte
		err  error
	)
	if file == "-" {
		data, err = readAll(os.Stdin)
	} else {
		data, err = os.ReadFile(file)
	}
	if err != nil {
		return nil, fmt.Errorf("-new-from-patch: %v", err)
	}
	root := dir
	if r, err := gitRoot(dir, ""); err == nil {
		root = r
	}
	c, err := ParsePatch(bytes.NewReader(data), root)
	if err != nil {
		return nil, fmt.Errorf("-new-from-patch %s: %v", file, err)
	}
	return c, nil
}

func readAll(f *os.File) ([]byte, error) {
	var b bytes.Buffer
	_, err := b.ReadFrom(f)
	return b.Bytes(), err
}

// gitRoot returns the top of the work tree containing dir, with an error
// that says what is missing: git itself or a repository.
func gitRoot(dir, flag string) (string, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return "", fmt.Errorf("%s needs git, which is not installed (not found in PATH); use -new-from-patch with a diff instead", flag)
	}
	out, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", fmt.Errorf("%s needs a git repository, and %s is not inside one (%v); use -new-from-patch with a diff instead", flag, dir, err)
	}
	return filepath.FromSlash(strings.TrimSpace(string(out))), nil
}

// git runs git in dir and returns its standard output; the error carries
// git's first line of standard error.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_EXTERNAL_DIFF=", "LC_ALL=C")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			if msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n"); msg != "" {
				return nil, errors.New(msg)
			}
		}
		return nil, err
	}
	return out, nil
}
