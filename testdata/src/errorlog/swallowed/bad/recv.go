package bad

// gatherBoth: the workers' errors are gathered in a select loop, then a
// failed one is reported as success (nilerr's select-loop case; in
// clearlinux/mixer-tools#673 a worker's error caught from its channel in a
// select likewise never reached the function's result).
func gatherBoth(fetch, index chan error) error {
	var fetchErr, indexErr error
	for i := 0; i < 2; i++ {
		select {
		case err := <-fetch:
			fetchErr = err
		case err := <-index:
			indexErr = err
		}
	}
	if fetchErr != nil {
		return nil // want `the error received from a channel \(line 10\) is non-nil here but the function returns a nil error`
	}
	if indexErr != nil {
		return nil // want `the error received from a channel \(line 10\) is non-nil here`
	}
	return nil
}

// waitDone: the worker's result, received and dropped.
func waitDone(done <-chan error) (int, error) {
	if err := <-done; err != nil {
		return 0, nil // want `the error received from a channel \(line 28\) is non-nil here`
	}
	return 1, nil
}
