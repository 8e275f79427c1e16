package bad

import "os"

// createdUnderOneFlagClosedUnderAnother: created under toFile, closed
// under flush; with toFile set and flush not, the file stays open. A
// test of one flag decides nothing about another.
func createdUnderOneFlagClosedUnderAnother(path string, toFile, flush bool) error {
	var f *os.File
	if toFile {
		var err error
		f, err = os.Create(path) // want `file f from os\.Create .* returning at line 20`
		if err != nil {
			return err
		}
	}
	if flush {
		return f.Close()
	}
	return nil // leaks here
}
