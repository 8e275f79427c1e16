// Package logger is a project's own logging helper in another package:
// facts say that LogError logs its error parameter.
package logger

import "log"

// LogError logs err with an operation name.
func LogError(op string, err error) {
	log.Printf("%s: %v", op, err)
}

// Remember stores err without logging it.
func Remember(err error) { last = err }

var last error
