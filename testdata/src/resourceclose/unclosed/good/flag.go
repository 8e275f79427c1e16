package good

import (
	"fmt"
	"os"
)

// correlatedBranches: the file is created and closed under the same flag;
// the path that creates it without closing it cannot run.
func correlatedBranches(path string, toFile bool, lines []string) error {
	var f *os.File
	if toFile {
		var err error
		f, err = os.Create(path)
		if err != nil {
			return err
		}
	}
	for _, l := range lines {
		if toFile {
			fmt.Fprintln(f, l)
		} else {
			fmt.Println(l)
		}
	}
	if toFile {
		return f.Close()
	}
	return nil
}

// negatedFlag: created unless dryRun, closed under the same negated test.
func negatedFlag(path string, dryRun bool) error {
	var f *os.File
	if !dryRun {
		var err error
		if f, err = os.Create(path); err != nil {
			return err
		}
	}
	if !dryRun {
		return f.Close()
	}
	return nil
}
