package bad

import (
	"context"
	"errors"
	"time"
)

type check func(ctx context.Context) error

// Each check runs with a timeout; on a timeout the loop moves on to the
// next check and the stranded goroutine never sends: modelled on
// hellofresh/health-go#224 (resCh unbuffered; fixed with a buffer of 1).
func runChecks(checks []check, timeout time.Duration) []error {
	var errs []error
	for _, c := range checks {
		resCh := make(chan error)
		go func() { // want `goroutine sends on resCh \(made at line 17\)`
			resCh <- c(context.Background())
		}()
		select {
		case err := <-resCh:
			errs = append(errs, err)
		case <-time.After(timeout):
			errs = append(errs, errors.New("timeout"))
		}
	}
	return errs
}

type batch struct{}

func (batch) flush() error { return nil }

// The select also waits on a shutdown signal and returns through it:
// modelled on timescale/promscale#1614 (an unbuffered channel received in
// a select; another case won and the writer leaked).
func flushOrShutdown(b batch, shutdown <-chan struct{}) error {
	done := make(chan error)
	go func() { done <- b.flush() }() // want `goroutine sends on done`
	select {
	case err := <-done:
		return err
	case <-shutdown:
		return errors.New("shutting down")
	}
}

// The implant's task waits for a done signal or a timer: modelled on
// BishopFox/sliver#1089 (the timer fired first and the sender blocked on
// an unbuffered done).
func taskWithDeadline(task func(), d time.Duration) error {
	done := make(chan bool)
	go func() { // want `goroutine sends on done`
		task()
		done <- true
	}()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-done:
		return nil
	case <-timer.C:
		return errors.New("deadline")
	}
}

// Version negotiation with a timeout: modelled on copernet/copernicus#72
// (negotiateErr was unbuffered; a negotiation slower than the timeout
// leaked the goroutine).
func negotiate(handshake func() error, timeout time.Duration) error {
	negotiateErr := make(chan error)
	go func() { negotiateErr <- handshake() }() // want `goroutine sends on negotiateErr`
	select {
	case err := <-negotiateErr:
		return err
	case <-time.After(timeout):
		return errors.New("negotiation timed out")
	}
}
