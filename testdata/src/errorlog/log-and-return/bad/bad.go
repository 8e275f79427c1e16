package bad

import (
	"fmt"
	"log"
	"log/slog"
	"os"

	"errorlog/facts/logger"
	"go.uber.org/zap"
)

// Logged here and returned: the caller logs it again.
func load(name string) ([]byte, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		log.Println(err) // want `the error from os.ReadFile \(line 15\) is logged here and also returned`
		return nil, err
	}
	return b, nil
}

// Logged and returned wrapped.
func save(name string, b []byte) error {
	if err := os.WriteFile(name, b, 0o600); err != nil {
		log.Printf("save %s: %v", name, err) // want `logged here and also returned`
		return fmt.Errorf("save %s: %w", name, err)
	}
	return nil
}

// slog and return.
func remove(name string) error {
	if err := os.Remove(name); err != nil {
		slog.Error("remove", "err", err) // want `logged here and also returned`
		return err
	}
	return nil
}

// A helper in another package logs its error parameter (a fact says so).
func viaHelper(name string) error {
	if err := os.Remove(name); err != nil {
		logger.LogError("remove", err) // want `logged here and also returned`
		return err
	}
	return nil
}

// A helper in this package that logs.
func logFailure(err error) { log.Printf("failure: %v", err) }

func viaLocalHelper(name string) error {
	if err := os.Chmod(name, 0o600); err != nil {
		logFailure(err) // want `logged here and also returned`
		return err
	}
	return nil
}

// zap field and return.
func withZap(l *zap.Logger, name string) (int, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		l.Error("read", zap.Error(err)) // want `logged here and also returned`
		return 0, err
	}
	return len(b), nil
}

// The error's text logged, the error returned.
func text(name string) error {
	if _, err := os.ReadDir(name); err != nil {
		log.Println("stat: " + err.Error()) // want `logged here and also returned`
		return err
	}
	return nil
}

// The else of err == nil.
func elseBranch(name string) error {
	_, err := os.ReadDir(name)
	if err == nil {
		return nil
	} else {
		log.Print(err) // want `logged here and also returned`
		return err
	}
}
