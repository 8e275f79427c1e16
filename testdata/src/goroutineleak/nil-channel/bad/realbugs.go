package bad

import "fmt"

// Log groups tailed in goroutines report errors on a channel that was
// declared but never made: modelled on DefangLabs/defang#1625 (errChan was
// nil, every send blocked forever and the caller never saw the error).
func tailAll(groups []string) error {
	var errChan chan error
	for _, g := range groups {
		go func(g string) {
			if g == "" {
				errChan <- fmt.Errorf("log group %q does not exist", g) // want `send on a nil channel`
			}
		}(g)
	}
	return <-errChan // want `receive from a nil channel`
}
