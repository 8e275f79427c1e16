package settings_test

import (
	"errors"
	"testing"

	"github.com/reviewlint/reviewlint/analyzers/errorlog"
	"github.com/reviewlint/reviewlint/analyzers/resourceclose"
	"github.com/reviewlint/reviewlint/analyzers/settings"
)

// TestValidateEveryFamily: Config.Validate, which hosts without the YAML
// loader call (the golangci-lint plugin, go vet), checks every family's
// settings, not only resourceclose's, reports every invalid value and
// names each one's key.
func TestValidateEveryFamily(t *testing.T) {
	for _, c := range []struct {
		settings settings.Settings
		want     string
	}{
		{
			settings.Settings{ErrorLog: errorlog.Config{LogFunctions: []string{"example.com/log.Errorf", "Errorf"}}},
			`settings.errorlog.log-functions[1]: "Errorf" is not a function path (no package path and name); want pkg/path.Func, (*pkg/path.Type).Method or pkg/path.Type.Method`,
		},
		{
			settings.Settings{ResourceClose: resourceclose.Config{Kinds: []resourceclose.Kind{{Constructor: "example.com/pool.Open"}}}},
			`settings.resourceclose.kinds[0].release: empty; name the methods that release the resource (Close)`,
		},
		{
			settings.Settings{
				ErrorLog:      errorlog.Config{LogFunctions: []string{"(*Logger).Errorf"}},
				ResourceClose: resourceclose.Config{Kinds: []resourceclose.Kind{{Constructor: "example.com/pool.Open", Release: []string{"Close()"}, Result: -1}}},
			},
			`settings.resourceclose.kinds[0].result: -1 is negative` + "\n" +
				`settings.resourceclose.kinds[0].release[0]: "Close()" is not a method name` + "\n" +
				`settings.errorlog.log-functions[0]: "(*Logger).Errorf" is not a function path (the receiver is not pkg/path.Type); want pkg/path.Func, (*pkg/path.Type).Method or pkg/path.Type.Method`,
		},
	} {
		err := settings.Config{Settings: c.settings}.Validate()
		if err == nil || err.Error() != c.want {
			t.Errorf("Validate() = %v\nwant %s", err, c.want)
		}
		var se *settings.SettingError
		if !errors.As(err, &se) {
			t.Errorf("Validate() = %T, want a *SettingError inside", err)
		}
	}
	ok := settings.Settings{ErrorLog: errorlog.Config{LogFunctions: []string{
		"example.com/log.Errorf", "(*example.com/log.Logger).Errorf", "(example.com/log.Logger).Errorf", "example.com/log.Logger.Errorf",
	}}}
	if err := (settings.Config{Settings: ok}).Validate(); err != nil {
		t.Errorf("every spelling of a method is accepted: %v", err)
	}
}
