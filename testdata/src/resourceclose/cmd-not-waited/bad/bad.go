package bad

import (
	"errors"
	"io"
	"os/exec"
)

// feedFails: a later error returns after Start without Wait.
func feedFails(in []byte) error {
	cmd := exec.Command("cat")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil { // want `started command cmd from cmd.Start \(line 16\) is not waited for on the path returning at line 20`
		return err
	}
	if _, err := stdin.Write(in); err != nil {
		return err
	}
	stdin.Close()
	return cmd.Wait()
}

// neverWaited: started and forgotten; the child becomes a zombie.
func neverWaited() error {
	cmd := exec.Command("true")
	return cmd.Start() // want `started command cmd from cmd.Start`
}

// waitOnlyOnSuccess: the validation error path skips Wait.
func waitOnlyOnSuccess(r io.Reader) error {
	cmd := exec.Command("sort")
	cmd.Stdin = r
	if err := cmd.Start(); err != nil { // want `is not waited for on the path returning at line 40`
		return err
	}
	if r == nil {
		return errors.New("no input")
	}
	return cmd.Wait()
}
