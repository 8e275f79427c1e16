// Package good holds defers SA5001 must not report.
package good

import "os"

// checkThenDefer defers Close only once Open succeeded.
func checkThenDefer(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return nil
}
