// Package goroutineleak defines an Analyzer that reports goroutines that can block forever or never exit.
//
// # Analyzer goroutineleak
//
// goroutineleak: reports goroutines that can block forever or never exit
//
// A goroutine that sends on a channel whose receiver has given up, receives
// from a channel nobody closes, or loops with no way out is a leak no heap
// profile explains. The analysis models the channels a goroutine shares with
// the function that starts it, and the operations on each path.
package goroutineleak
