package plugin

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/analyzers/settings"
)

// golangciSettings returns doc as golangci-lint hands it over: decoded
// from the user's YAML into maps, lists and float64s.
func golangciSettings(t *testing.T, doc string) any {
	t.Helper()
	if doc == "" {
		return nil
	}
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// names returns the analyzers' names.
func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

// build runs the plugin the way golangci-lint does: registry, New,
// BuildAnalyzers.
func build(t *testing.T, settings any) ([]*analysis.Analyzer, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin(Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode = %q, want %q", got, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

func TestSettingsSelectAnalyzers(t *testing.T) {
	// suite is what the CLI builds for the same configuration.
	suite := func(c settings.Config) []string {
		c.Settings = settings.DefaultSettings()
		as, err := analyzers.New(c, analyzers.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return names(as)
	}
	defaults := suite(settings.Config{})
	tests := []struct {
		name, settings string
		want           []string
	}{
		{name: "no settings: the default suite", want: defaults},
		{name: "empty settings", settings: `{}`, want: defaults},
		{
			name:     "one rule only, version as golangci-lint decodes it",
			settings: `{"version": 1, "disable": ["all"], "enable": ["resourceclose/unclosed"]}`,
			want:     []string{"resourceclose"},
		},
		{
			name:     "a bundled check and severity keys lowercased by golangci-lint",
			settings: `{"disable": ["all"], "enable": ["SA5001"], "severity": {"sa5001": "error"}}`,
			want:     []string{"SA5001"},
		},
		{
			name:     "a family off",
			settings: `{"disable": ["resourceclose"]}`,
			want:     suite(settings.Config{Disable: []string{"resourceclose"}}),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, err := build(t, golangciSettings(t, tt.settings))
			if err != nil {
				t.Fatal(err)
			}
			if got := names(as); !slices.Equal(got, tt.want) {
				t.Errorf("analyzers = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestSettingsErrors: what .reviewlint.yml rejects, the plugin rejects,
// naming the key or rule ID, without positions in a re-encoded document.
func TestSettingsErrors(t *testing.T) {
	tests := []struct{ settings, want string }{
		{`{"enabel": ["httpbody"]}`, `linters.settings.custom.reviewlint.settings: unknown key "enabel"`},
		{`{"disable": ["httpbody/nope"]}`, `settings: disable: unknown rule or analyzer "httpbody/nope"`},
		{`{"severity": {"htpbody": "error"}}`, `settings: severity: unknown rule or analyzer "htpbody"`},
		{`{"severity": {"httpbody": "fatal"}}`, `severity.httpbody: unknown severity "fatal"`},
		{`{"settings": {"httbody": {}}}`, `settings: settings: unknown key "httbody"`},
		{`{"settings": {"httpbody": {"max-reads": 3}}}`, `settings.httpbody: unknown key "max-reads"`},
		{`{"settings": {"resourceclose": {"kinds": [{"constructor": "not a name"}]}}}`, `settings.resourceclose.kinds[0].constructor: "not a name" is not a function path`},
		{`{"settings": {"resourceclose": {"kinds": [{"constructer": "example.com/pool.Open"}]}}}`, `settings.resourceclose.kinds[0]: unknown key "constructer"`},
		{`{"settings": {"errorlog": {"log-functions": ["example.com/log.Errorf", "Errorf"]}}}`, `settings.errorlog.log-functions[1]: "Errorf" is not a function path`},
		{`{"settings": {"errorlog": {"log-function": ["example.com/log.Errorf"]}}}`, `settings.errorlog: unknown key "log-function"`},
		{`{"version": 2}`, `version: unsupported version 2 (want 1)`},
		{`["httpbody"]`, `want a map of reviewlint settings, got a list`},
	}
	for _, tt := range tests {
		t.Run(tt.settings, func(t *testing.T) {
			_, err := build(t, golangciSettings(t, tt.settings))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "settings:1:") || strings.Contains(err.Error(), "settings:2:") {
				t.Errorf("error %q has a position in the re-encoded settings", err)
			}
		})
	}
}

// TestFindings goes plugin → settings → analyzers → analysistest: the
// message carries the rule ID, //nolint:reviewlint suppresses, and no
// diagnostic has Related positions (golangci-lint would list each as an
// issue of its own).
func TestFindings(t *testing.T) {
	as, err := build(t, golangciSettings(t, `{"disable": ["all"], "enable": ["resourceclose/unclosed"]}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		for _, r := range analysistest.Run(t, analysistest.TestData(), a, "tagged") {
			for _, d := range r.Diagnostics {
				if len(d.Related) > 0 {
					t.Errorf("%s: diagnostic %q has %d related positions", a.Name, d.Message, len(d.Related))
				}
			}
		}
	}
}
