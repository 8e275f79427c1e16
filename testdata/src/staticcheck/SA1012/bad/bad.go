// Package bad holds calls SA1012 reports: a nil context.Context argument.
package bad

import "context"

// fetch stands for any API that takes a context as its first parameter.
func fetch(ctx context.Context, key string) error {
	return ctx.Err()
}

// nilContext passes nil for the context parameter.
func nilContext() error {
	return fetch(nil, "key") // want `do not pass a nil Context`
}
