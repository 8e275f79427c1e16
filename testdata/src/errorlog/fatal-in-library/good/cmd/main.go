// Package main is a program: ending it is its own decision.
package main

import (
	"log"
	"os"
)

func run() error { return nil }

// log.Fatal and os.Exit in main are how programs end.
func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
	if _, err := os.Stat("x"); err != nil {
		panic(err)
	}
	os.Exit(0)
}
