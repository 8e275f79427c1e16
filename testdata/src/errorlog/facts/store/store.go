// Package store logs and returns its errors; a fact says so, for callers
// in other packages (modelled on etcd's wal.Create, whose caller in
// etcdserver logs the same error again with Panic).
package store

import (
	"fmt"
	"log"
	"os"
)

// Create creates the file at path, logging the failure and returning it.
func Create(path string) (*os.File, error) {
	f, err := os.Create(path)
	if err != nil {
		log.Printf("create %s: %v", path, err)
		return nil, fmt.Errorf("create: %w", err)
	}
	return f, nil
}

// Init returns Create's error unchanged: the logged error goes on.
func Init(path string) error {
	_, err := Create(path)
	return err
}
