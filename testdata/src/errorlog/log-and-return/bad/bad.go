package bad

import (
	"fmt"
	"log"
	"log/slog"
	"os"

	"errorlog/facts/logger"
	"errorlog/facts/store"
	"go.uber.org/zap"
)

// Logged here and returned: the caller below logs it again.
func load(name string) ([]byte, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		log.Println(err)
		return nil, err
	}
	return b, nil
}

// Logged and returned wrapped.
func save(name string, b []byte) error {
	if err := os.WriteFile(name, b, 0o600); err != nil {
		log.Printf("save %s: %v", name, err)
		return fmt.Errorf("save %s: %w", name, err)
	}
	return nil
}

// slog and return.
func remove(name string) error {
	if err := os.Remove(name); err != nil {
		slog.Error("remove", "err", err)
		return err
	}
	return nil
}

// A helper in another package logs its error parameter (a fact says so).
func viaHelper(name string) error {
	if err := os.Remove(name); err != nil {
		logger.LogError("remove", err)
		return err
	}
	return nil
}

// A helper in this package that logs.
func logFailure(err error) { log.Printf("failure: %v", err) }

func viaLocalHelper(name string) error {
	if err := os.Chmod(name, 0o600); err != nil {
		logFailure(err)
		return err
	}
	return nil
}

// zap field and return.
func withZap(l *zap.Logger, name string) (int, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		l.Error("read", zap.Error(err))
		return 0, err
	}
	return len(b), nil
}

// The error's text logged, the error returned.
func text(name string) error {
	if _, err := os.ReadDir(name); err != nil {
		log.Println("stat: " + err.Error())
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
		log.Print(err)
		return err
	}
}

// Each caller below logs an error its callee has already logged.

func useLoad() {
	if _, err := load("a"); err != nil {
		log.Printf("load failed: %v", err) // want `the error from bad.load \(line \d+\) is logged here, but bad.load has already logged it`
	}
}

func useSave() error {
	if err := save("a", nil); err != nil {
		slog.Error("save", "err", err) // want `bad.save has already logged it`
		return nil
	}
	return nil
}

func useRemove(l *zap.Logger) {
	if err := remove("a"); err != nil {
		l.Warn("remove", zap.Error(err)) // want `bad.remove has already logged it`
	}
}

func useViaHelper() {
	if err := viaHelper("a"); err != nil {
		logFailure(err) // want `bad.viaHelper has already logged it`
	}
}

func useViaLocalHelper() {
	if err := viaLocalHelper("a"); err != nil {
		log.Println(err) // want `bad.viaLocalHelper has already logged it`
	}
}

func useWithZap(l *zap.Logger) {
	if _, err := withZap(l, "a"); err != nil {
		l.Error("read", zap.Error(err)) // want `bad.withZap has already logged it`
	}
}

func useText() {
	if err := text("a"); err != nil {
		log.Println(err) // want `bad.text has already logged it`
	}
}

func useElse() {
	if err := elseBranch("a"); err != nil {
		log.Println(err) // want `bad.elseBranch has already logged it`
	}
}

// The callee is in another package: its contract fact says it logged.
func useStore() {
	if _, err := store.Create("a"); err != nil {
		log.Fatalf("create: %v", err) // want `store.Create has already logged it`
	}
}

// The logged error travels through a function that only passes it on
// (store.Init returns Create's error), then is logged again.
func useInit() {
	if err := store.Init("a"); err != nil {
		log.Printf("init: %v", err) // want `store.Init has already logged it`
	}
}

// The logged error is wrapped by a function in this package on its way up.
func openWrapped(name string) error {
	if _, err := load(name); err != nil {
		return fmt.Errorf("open %s: %w", name, err)
	}
	return nil
}

func useWrapped() {
	if err := openWrapped("a"); err != nil {
		log.Print(err) // want `bad.openWrapped has already logged it`
	}
}
