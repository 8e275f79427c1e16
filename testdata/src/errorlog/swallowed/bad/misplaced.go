package bad

import "os"

// Modelled on nilerr's own testdata (gostaticanalysis/nilerr, testdata
// a/a.go j): the error goes out as the value of a (any, error) function and
// the error result is nil, so the caller's err check passes.
func lookup(path string) (any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return err, nil // want `the error from os.ReadFile \(line 9\) is non-nil here but is returned as a value while the error result is nil`
	}
	return b, nil
}
