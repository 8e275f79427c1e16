// Package plugin is reviewlint as a golangci-lint v2 module plugin.
//
// golangci-lint's `custom` command compiles it into a golangci-lint binary
// (see .custom-gcl.yml and README.md in this directory); the binary then
// runs reviewlint's analyzers next to the user's other linters when the
// configuration enables the custom linter "reviewlint":
//
//	linters:
//	  enable: [reviewlint]
//	  settings:
//	    custom:
//	      reviewlint:
//	        type: module
//	        description: bugs a senior reviewer catches (reviewlint)
//	        settings:
//	          disable: [SA9001]
//
// The settings block is the same document as .reviewlint.yml, with the
// same keys and the same checks: an unknown key or rule ID is an error that
// names it. The analyzers are built by analyzers.New, the constructor the
// CLI and go vet use, so the three hosts report the same findings.
package plugin

import (
	"errors"
	"fmt"
	"math"
	"os"

	"github.com/goccy/go-yaml"
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/analyzers/settings"
	"github.com/reviewlint/reviewlint/internal/config"
)

// Name is the plugin's name: the key under linters.settings.custom and the
// linter name golangci-lint reports every finding under.
const Name = "reviewlint"

// settingsKey is where golangci-lint users write the settings; errors name
// it in place of a file.
const settingsKey = "linters.settings.custom." + Name + ".settings"

func init() {
	register.Plugin(Name, New)
}

// Plugin is reviewlint configured by one golangci-lint settings block.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes golangci-lint's settings for reviewlint and builds the
// analyzers they enable. It fails, naming the offending key or rule ID,
// where .reviewlint.yml would fail.
func New(in any) (register.LinterPlugin, error) {
	cfg, err := decodeConfig(in)
	if err != nil {
		return nil, err
	}
	// golangci-lint shows neither a diagnostic's Category nor its URL and
	// lists every finding under "reviewlint", so messages carry the rule ID.
	as, err := analyzers.New(cfg, analyzers.Options{TagMessages: true})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", settingsKey, err)
	}
	for i, a := range as {
		as[i] = withoutRelated(a)
	}
	return &Plugin{analyzers: as}, nil
}

// BuildAnalyzers returns the analyzers the settings enable.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode asks for type information: the analyzers build SSA and
// export facts.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// withoutRelated returns a copy of a whose diagnostics have no Related
// positions. golangci-lint turns each one into an issue of its own, without
// the rule ID and counted like a finding ("resourceclose(related
// information): the path leaves here ..."), while reviewlint's messages
// already name those lines. Name, Requires, facts and results are a's.
func withoutRelated(a *analysis.Analyzer) *analysis.Analyzer {
	w := *a
	w.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			d.Related = nil
			pass.Report(d)
		}
		return a.Run(&p)
	}
	return &w
}

// decodeConfig turns golangci-lint's settings value into an
// settings.Config through the .reviewlint.yml parser, so both routes
// accept the same documents and reject them with the same messages.
func decodeConfig(in any) (settings.Config, error) {
	raw, err := register.DecodeSettings[any](in)
	if err != nil {
		return settings.Config{}, fmt.Errorf("%s: %w", settingsKey, err)
	}
	var doc []byte
	if raw != nil {
		if doc, err = yaml.Marshal(wholeNumbers(raw)); err != nil {
			return settings.Config{}, fmt.Errorf("%s: %w", settingsKey, err)
		}
	}
	cfg, err := config.Parse(settingsKey, doc)
	if err != nil {
		return settings.Config{}, withoutPosition(err)
	}
	// Exclude globs are relative to the directory golangci-lint runs in;
	// the plugin is not told where the configuration file is.
	if cfg.Dir, err = os.Getwd(); err != nil {
		return settings.Config{}, err
	}
	return cfg, nil
}

// wholeNumbers turns the float64s that JSON decoding makes of every number
// back into integers where they are whole, so `version: 1` stays an
// integer on its way to the YAML parser.
func wholeNumbers(v any) any {
	switch x := v.(type) {
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return int64(x)
		}
	case map[string]any:
		for k, e := range x {
			x[k] = wholeNumbers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = wholeNumbers(e)
		}
	}
	return v
}

// withoutPosition drops the line and column from a parser error: they
// point into the re-encoded settings, not into the user's file. The key
// path and the message stay.
func withoutPosition(err error) error {
	var ce *config.Error
	if errors.As(err, &ce) {
		ce.Line, ce.Column = 0, 0
	}
	return err
}
