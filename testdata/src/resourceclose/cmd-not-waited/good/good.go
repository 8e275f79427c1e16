package good

import (
	"os/exec"
)

// waited: Wait on every path after Start.
func waited() error {
	cmd := exec.Command("true")
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Wait()
}

// startFailed: when Start fails nothing runs, so nothing is owed.
func startFailed() error {
	cmd := exec.Command("true")
	err := cmd.Start()
	if err != nil {
		return err
	}
	return cmd.Wait()
}

// returned: the caller receives the running command and waits.
func returned() (*exec.Cmd, error) {
	cmd := exec.Command("sleep", "1")
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return cmd, nil
}

// waitedInGoroutine: a goroutine reaps the child.
func waitedInGoroutine() error {
	cmd := exec.Command("sleep", "1")
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

// killedAndWaited: the error path kills and waits.
func killedAndWaited(fail bool) error {
	cmd := exec.Command("sleep", "10")
	if err := cmd.Start(); err != nil {
		return err
	}
	if fail {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil
	}
	return cmd.Wait()
}

// run is Start plus Wait: nothing to owe.
func run() error {
	return exec.Command("true").Run()
}

type proxy struct{ cmd *exec.Cmd }

// startOwnedByStruct: the command lives in a field; the struct's Stop waits
// for it (go-redis e2e proxy; found on the bench corpus).
func (p *proxy) startOwnedByStruct() error {
	p.cmd = exec.Command("sleep", "60")
	if err := p.cmd.Start(); err != nil {
		return err
	}
	return nil
}

func (p *proxy) stop() error {
	_ = p.cmd.Process.Kill()
	return p.cmd.Wait()
}
