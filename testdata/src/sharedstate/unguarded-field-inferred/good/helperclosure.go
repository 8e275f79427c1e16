package good

import "sync"

type txnManager struct {
	mu     sync.Mutex
	status int
	epoch  int
}

func (t *txnManager) Begin() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.status = 1
	t.epoch++
}

func (t *txnManager) Status() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.status
}

// Finish holds t.mu across endTxn, whose retry closure resets the state
// through complete.
func (t *txnManager) Finish() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.endTxn()
}

// endTxn hands its attempt closure to a local retry helper that only
// calls it: the closure runs inside the call, under Finish's t.mu
// (modelled on IBM/sarama's transactionManager.endTxn).
func (t *txnManager) endTxn() error {
	attempts := 3
	exec := func(run func() (bool, error)) error {
		var err error
		for ; attempts > 0; attempts-- {
			var again bool
			if again, err = run(); !again {
				return err
			}
		}
		return err
	}
	return exec(func() (bool, error) {
		return false, t.complete()
	})
}

// complete resets the transaction; its one caller is the closure above.
func (t *txnManager) complete() error {
	t.status = 0
	t.epoch = t.epoch + 1
	return nil
}
