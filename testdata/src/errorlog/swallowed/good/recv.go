package good

import "log"

// gatherReturned: the received error is the function's.
func gatherReturned(a, b chan error) error {
	var aErr, bErr error
	for i := 0; i < 2; i++ {
		select {
		case err := <-a:
			aErr = err
		case err := <-b:
			bErr = err
		}
	}
	if aErr != nil {
		return aErr
	}
	return bErr
}

// waitLogged: the error is logged before the nil return: a decision the
// reader sees.
func waitLogged(done <-chan error) error {
	if err := <-done; err != nil {
		log.Printf("worker: %v", err)
		return nil
	}
	return nil
}

// waitExplained: a comment in the branch says why the error is dropped.
func waitExplained(done <-chan error) error {
	if err := <-done; err != nil {
		// the worker's failure was already reported to the operator
		return nil
	}
	return nil
}

// waitValue: a fallback value is a decision, not a dropped failure.
func waitValue(done <-chan error) (string, error) {
	if err := <-done; err != nil {
		return "offline", nil
	}
	return "online", nil
}
