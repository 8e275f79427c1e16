package good

import (
	"fmt"
	"net/http"
)

// printedThenClosed: formatting the response borrows it; the body is
// still closed.
func printedThenClosed(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	fmt.Println(resp.Status, resp)
}

var kept []any

// keep stores its operands: a variadic call that is not a formatter
// takes the response, and the caller owes nothing.
func keep(vs ...any) { kept = append(kept, vs...) }

func handedToKeeper(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	keep(resp)
}

// wrappedInError: fmt.Errorf with %w keeps its operand in the error it
// returns, and the caller owns that error.
func wrappedInError(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return fmt.Errorf("unexpected: %w", respError{resp})
}

type respError struct{ r *http.Response }

func (e respError) Error() string { return e.r.Status }
