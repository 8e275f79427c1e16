package fix

import (
	"context"
	"net/http"
)

// newRequest: the fix passes the function's context.
func newRequest(ctx context.Context, u string) (*http.Request, error) {
	return http.NewRequest(http.MethodGet, u, nil) // want `http.NewRequest ignores ctx`
}
