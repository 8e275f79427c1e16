// Package good holds calls SA1012 must not report.
package good

import "context"

// fetch stands for any API that takes a context as its first parameter.
func fetch(ctx context.Context, key string) error {
	return ctx.Err()
}

// todoContext passes context.TODO, the documented placeholder when no
// parent context is at hand yet.
func todoContext() error {
	return fetch(context.TODO(), "key")
}

// forwardedContext passes its caller's context through; a parameter is not
// a nil literal even if a caller could pass nil.
func forwardedContext(ctx context.Context) error {
	return fetch(ctx, "key")
}

// nilOtherParam passes nil to a parameter that is not a context.
func nilOtherParam() error {
	return fetchAll(context.Background(), nil)
}

// fetchAll takes a context and a slice that may be nil.
func fetchAll(ctx context.Context, keys []string) error {
	return ctx.Err()
}
