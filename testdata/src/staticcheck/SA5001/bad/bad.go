// Package bad holds defers SA5001 reports.
package bad

import "os"

// deferBeforeCheck defers Close before looking at the error: when Open
// fails, f is nil and the deferred Close runs on nil.
func deferBeforeCheck(name string) error {
	f, err := os.Open(name)
	defer f.Close() // want `should check error returned from os.Open\(\) before deferring f.Close\(\)`
	if err != nil {
		return err
	}
	return nil
}
