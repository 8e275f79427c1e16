package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/parser"

	"github.com/reviewlint/reviewlint/analyzers"
	"github.com/reviewlint/reviewlint/analyzers/errorlog"
	"github.com/reviewlint/reviewlint/analyzers/resourceclose"
	"github.com/reviewlint/reviewlint/analyzers/settings"
)

// writeConfig writes content as dir/name and returns its path.
func writeConfig(t *testing.T, dir, name, content string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// docExample returns the example file in the package documentation, so the
// reference users copy is known to load.
func docExample(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("config.go")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	inExample := false
	for line := range strings.Lines(string(src)) {
		inExample = inExample || strings.HasPrefix(line, "// An example file:")
		if code, ok := strings.CutPrefix(line, "//\t"); ok && inExample {
			b.WriteString(code)
		}
	}
	if b.Len() == 0 {
		t.Fatal("no example file in the package documentation")
	}
	return b.String()
}

func TestLoadValid(t *testing.T) {
	withDefaults := func(c settings.Config) settings.Config {
		c.Settings = settings.DefaultSettings()
		return c
	}
	tests := []struct {
		name    string
		content string
		want    settings.Config
	}{
		{
			name:    "documentation example",
			content: docExample(t),
			want: withDefaults(settings.Config{
				Enable:   []string{"suppression/unused"},
				Disable:  []string{"SA9001"},
				Severity: map[string]analyzers.Severity{"goroutineleak": analyzers.Error, "suppression": analyzers.Info},
				Exclude:  []string{"**/*_gen.go", "third_party"},
			}),
		},
		{name: "empty file", content: "", want: settings.DefaultConfig()},
		{name: "comments only", content: "# nothing configured yet\n", want: settings.DefaultConfig()},
		{name: "empty document", content: "---\n", want: settings.DefaultConfig()},
		{
			name:    "empty values keep defaults",
			content: "version:\nenable:\ndisable: []\nseverity: {}\nexclude:\nsettings:\n  httpbody:\n",
			want:    settings.DefaultConfig(),
		},
		{
			name:    "flow style, quoting, mixed-case selectors",
			content: `{version: 1, enable: ["HTTPBody", 'all'], severity: {SA2000: "warning"}, exclude: [vendor/**]}`,
			want: withDefaults(settings.Config{
				Enable:   []string{"HTTPBody", "all"},
				Severity: map[string]analyzers.Severity{"SA2000": analyzers.Warning},
				Exclude:  []string{"vendor/**"},
			}),
		},
		{
			name:    "anchors and aliases",
			content: "enable: &mine [httpbody, errorlog]\nseverity:\n  httpbody: &sev warning\n  errorlog: *sev\ndisable: [*x]\nexclude: [&x errorlog]\n",
			want: withDefaults(settings.Config{
				Enable:   []string{"httpbody", "errorlog"},
				Disable:  []string{"errorlog"},
				Severity: map[string]analyzers.Severity{"httpbody": analyzers.Warning, "errorlog": analyzers.Warning},
				Exclude:  []string{"errorlog"},
			}),
		},
		{
			name: "every spelling of a function path",
			content: "settings:\n  errorlog:\n    log-functions:\n      - example.com/m/log.Errorf\n" +
				"      - (*example.com/m/log.Logger).Errorf\n      - (example.com/m/log.Logger).Errorf\n      - example.com/m/log.Logger.Errorf\n" +
				"  resourceclose:\n    kinds:\n      - {constructor: example.com/m/pool.Pool.Get, release: [Release]}\n",
			want: func() settings.Config {
				c := settings.DefaultConfig()
				c.Settings.ErrorLog = errorlog.Config{LogFunctions: []string{
					"example.com/m/log.Errorf", "(*example.com/m/log.Logger).Errorf", "(example.com/m/log.Logger).Errorf", "example.com/m/log.Logger.Errorf",
				}}
				c.Settings.ResourceClose = resourceclose.Config{Kinds: []resourceclose.Kind{{Constructor: "example.com/m/pool.Pool.Get", Release: []string{"Release"}}}}
				return c
			}(),
		},
		{
			name:    "block scalar item",
			content: "exclude:\n  - |-\n    testdata\n",
			want:    withDefaults(settings.Config{Exclude: []string{"testdata"}}),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			got, err := Load(writeConfig(t, dir, FileName, tt.content))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			tt.want.Dir = dir
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Load:\ngot  %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

// TestLoadEverySettingsBlock builds a settings block for every field of
// settings.Settings, so a new analyzer is covered without editing this
// package.
func TestLoadEverySettingsBlock(t *testing.T) {
	var b strings.Builder
	b.WriteString("settings:\n")
	typ := reflect.TypeFor[settings.Settings]()
	for i := range typ.NumField() {
		name := yamlName(typ.Field(i))
		if name == "" {
			t.Fatalf("settings.Settings.%s has no yaml name", typ.Field(i).Name)
		}
		b.WriteString("  " + name + ": {}\n")
	}
	if _, err := Load(writeConfig(t, t.TempDir(), FileName, b.String())); err != nil {
		t.Fatalf("Load:\n%s\n%v", b.String(), err)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name    string
		content string
		// want is the error after "FILE:"; key is its Key.
		want, key string
	}{
		{
			name:    "unknown top-level key",
			content: "version: 1\nenable:\n  - httpbody\n\nenabel: [errorlog]\n",
			want:    `5:1: unknown key "enabel"`,
		},
		{
			name:    "unknown analyzer under settings",
			content: "settings:\n  httbody: {}\n",
			want:    `2:3: settings: unknown key "httbody"`, key: "settings",
		},
		{
			name:    "settings for an analyzer without settings",
			content: "settings:\n  suppression: {}\n",
			want:    `2:3: settings: unknown key "suppression"`, key: "settings",
		},
		{
			name:    "unknown key in an analyzer's settings",
			content: "settings:\n  httpbody:\n    max-reads: 3\n",
			want:    `3:5: settings.httpbody: unknown key "max-reads"`, key: "settings.httpbody",
		},
		{
			name:    "unknown key in an analyzer's flow settings",
			content: "settings: {httpbody: {nope: 1}}\n",
			want:    `1:23: settings.httpbody: unknown key "nope"`, key: "settings.httpbody",
		},
		{
			name:    "scalar where a list is wanted",
			content: "version: 1\nenable: 3\n",
			want:    `2:9: enable: want a list of rule IDs or analyzer names, got an integer`, key: "enable",
		},
		{
			name:    "map where a list is wanted",
			content: "disable:\n  httpbody: true\n",
			want:    `2:3: disable: want a list of rule IDs or analyzer names, got a map`, key: "disable",
		},
		{
			name:    "map where a string is wanted",
			content: "exclude:\n  - vendor\n  - {path: gen}\n",
			want:    `3:5: exclude: want a path glob, got a map`, key: "exclude",
		},
		{
			name:    "number where a string is wanted",
			content: "exclude: [vendor, 1]\n",
			want:    `1:19: exclude: want a path glob, got an integer`, key: "exclude",
		},
		{
			name:    "empty list item",
			content: "enable:\n  - httpbody\n  -\n",
			want:    `3:3: enable: want a rule ID or analyzer name, got null`, key: "enable",
		},
		{
			name:    "unknown selector in disable",
			content: "disable:\n- errorlog\n- httpbody/nope\n",
			want:    `3:3: disable: unknown rule or analyzer "httpbody/nope"`, key: "disable",
		},
		{
			name:    "unknown selector in enable",
			content: "enable: [httpbody, SA9999]\n",
			want:    `1:20: enable: unknown rule or analyzer "SA9999"`, key: "enable",
		},
		{
			name:    "unknown selector as a severity key",
			content: "severity:\n  httpbody: error\n  htpbody: warning\n",
			want:    `3:3: severity: unknown rule or analyzer "htpbody"`, key: "severity",
		},
		{
			name:    "unknown severity",
			content: "severity:\n  httpbody: fatal\n",
			want:    `2:13: severity.httpbody: unknown severity "fatal" (want error, warning or info)`, key: "severity.httpbody",
		},
		{
			name:    "severity as a list",
			content: "severity:\n  httpbody: [error]\n",
			want:    `2:13: severity.httpbody: want error, warning or info, got a list`, key: "severity.httpbody",
		},
		{
			name:    "severity left empty",
			content: "severity:\n  httpbody:\n",
			want:    `2:3: severity.httpbody: want error, warning or info, got null`, key: "severity.httpbody",
		},
		{
			name:    "severity map as a list",
			content: "severity: [httpbody]\n",
			want:    `1:11: severity: want a map from rule ID or analyzer name to error, warning or info, got a list`, key: "severity",
		},
		{
			name:    "settings as a scalar",
			content: "settings: 3\n",
			want:    `1:11: settings: want a map from analyzer name to its settings, got an integer`, key: "settings",
		},
		{
			name:    "analyzer settings as a scalar",
			content: "settings:\n  httpbody: true\n",
			want:    `2:13: settings.httpbody: want a map of httpbody settings, got a boolean`, key: "settings.httpbody",
		},
		{
			name:    "empty exclude pattern",
			content: "exclude:\n  - \"\"\n",
			want:    `2:5: exclude: empty exclude pattern`, key: "exclude",
		},
		{
			name:    "duplicate top-level key",
			content: "enable: [all]\ndisable: [SA9001]\nenable: [httpbody]\n",
			want:    `3:1: duplicate key "enable" (already set on line 1)`,
		},
		{
			name:    "duplicate severity differing in case",
			content: "severity:\n  httpbody: error\n  HTTPBody: info\n",
			want:    `3:3: severity: duplicate key "HTTPBody" (already set on line 2)`, key: "severity",
		},
		{
			name:    "duplicate analyzer under settings",
			content: "settings:\n  httpbody: {}\n  httpbody: {}\n",
			want:    `3:3: settings: duplicate key "httpbody" (already set on line 2)`, key: "settings",
		},
		{
			name:    "duplicate key in an analyzer's settings",
			content: "settings:\n  httpbody:\n    a: 1\n    a: 2\n",
			want:    `4:5: settings.httpbody: duplicate key "a" (already set on line 3)`, key: "settings.httpbody",
		},
		{
			name:    "unsupported version",
			content: "version: 2\n",
			want:    `1:10: version: unsupported version 2 (want 1)`, key: "version",
		},
		{
			name:    "version is checked before other keys",
			content: "enabel: [all]\nversion: 2\n",
			want:    `2:10: version: unsupported version 2 (want 1)`, key: "version",
		},
		{
			name:    "version as a string",
			content: "version: \"1\"\n",
			want:    `1:10: version: want an integer, got a string`, key: "version",
		},
		{
			name:    "top level is a list",
			content: "# config\n- httpbody\n",
			want:    `2:1: want a map of reviewlint settings, got a list`,
		},
		{
			name:    "two documents",
			content: "enable: [all]\n---\ndisable: [all]\n",
			want:    `2:1: want one YAML document, found a second`,
		},
		{
			name:    "unknown alias",
			content: "enable: [httpbody]\ndisable: *off\n",
			want:    `2:10: disable: unknown alias "off"`, key: "disable",
		},
		{
			name:    "unclosed flow list",
			content: "enable: [all\n",
			want:    `1:9: sequence end token ']' not found`,
		},
		{
			name:    "log function that is not a function path",
			content: "settings:\n  errorlog:\n    log-functions:\n      - example.com/m/log.Errorf\n      - (*example.com/m/log.Logger.Errorf\n",
			want:    `5:9: settings.errorlog.log-functions[1]: "(*example.com/m/log.Logger.Errorf" is not a function path (no closing parenthesis); want pkg/path.Func, (*pkg/path.Type).Method or pkg/path.Type.Method`,
			key:     "settings.errorlog.log-functions[1]",
		},
		{
			name:    "log function without a package path",
			content: "settings:\n  errorlog:\n    log-functions: [Errorf]\n",
			want:    `3:21: settings.errorlog.log-functions[0]: "Errorf" is not a function path (no package path and name); want pkg/path.Func, (*pkg/path.Type).Method or pkg/path.Type.Method`,
			key:     "settings.errorlog.log-functions[0]",
		},
		{
			name:    "resource kind constructor that is not a function path",
			content: "settings:\n  resourceclose:\n    kinds:\n      - constructor: pool Open\n        release: [Close]\n",
			want:    `4:22: settings.resourceclose.kinds[0].constructor: "pool Open" is not a function path (it has spaces); want pkg/path.Func, (*pkg/path.Type).Method or pkg/path.Type.Method`,
			key:     "settings.resourceclose.kinds[0].constructor",
		},
		{
			name:    "resource kind release that is not a method name",
			content: "settings:\n  resourceclose:\n    kinds:\n      - constructor: example.com/m/pool.Open\n        release: [Close, Re-lease]\n",
			want:    `5:26: settings.resourceclose.kinds[0].release[1]: "Re-lease" is not a method name`,
			key:     "settings.resourceclose.kinds[0].release[1]",
		},
		{
			name:    "resource kind without release",
			content: "settings:\n  resourceclose:\n    kinds:\n      - constructor: example.com/m/pool.Open\n",
			want:    `4:9: settings.resourceclose.kinds[0].release: empty; name the methods that release the resource (Close)`,
			key:     "settings.resourceclose.kinds[0].release",
		},
		{
			name:    "misspelt errorlog key",
			content: "settings:\n  errorlog:\n    log-function: [example.com/m/log.Errorf]\n",
			want:    `3:5: settings.errorlog: unknown key "log-function"`, key: "settings.errorlog",
		},
		{
			name:    "log functions as a string",
			content: "settings:\n  errorlog:\n    log-functions: example.com/m/log.Errorf\n",
			want:    `3:20: settings.errorlog.log-functions: want a list, got a string`, key: "settings.errorlog.log-functions",
		},
		{
			name:    "log function with a star but no parentheses",
			content: "settings:\n  errorlog:\n    log-functions: [\"*example.com/m/log.Logger.Errorf\"]\n",
			want:    `3:21: settings.errorlog.log-functions[0]: "*example.com/m/log.Logger.Errorf" is not a function path (unbalanced receiver); want pkg/path.Func, (*pkg/path.Type).Method or pkg/path.Type.Method`,
			key:     "settings.errorlog.log-functions[0]",
		},
		{
			name:    "log function receiver without its package",
			content: "settings:\n  errorlog:\n    log-functions: [\"(*Logger).Errorf\"]\n",
			want:    `3:21: settings.errorlog.log-functions[0]: "(*Logger).Errorf" is not a function path (the receiver is not pkg/path.Type); want pkg/path.Func, (*pkg/path.Type).Method or pkg/path.Type.Method`,
			key:     "settings.errorlog.log-functions[0]",
		},
		{
			name:    "log function receiver without the method",
			content: "settings:\n  errorlog:\n    log-functions: [\"(*example.com/m/log.Logger)Errorf\"]\n",
			want:    `3:21: settings.errorlog.log-functions[0]: "(*example.com/m/log.Logger)Errorf" is not a function path (no method name after the receiver); want pkg/path.Func, (*pkg/path.Type).Method or pkg/path.Type.Method`,
			key:     "settings.errorlog.log-functions[0]",
		},
		{
			name:    "log function in a stack trace's spelling",
			content: "settings:\n  errorlog:\n    log-functions: [\"example.com/m/log.(*Logger).Errorf\"]\n",
			want:    `3:21: settings.errorlog.log-functions[0]: "example.com/m/log.(*Logger).Errorf" is not a function path (a stack trace's spelling: write (*example.com/m/log.Logger).Errorf); want pkg/path.Func, (*pkg/path.Type).Method or pkg/path.Type.Method`,
			key:     "settings.errorlog.log-functions[0]",
		},
		{
			name:    "misspelt resource kind key",
			content: "settings:\n  resourceclose:\n    kinds:\n      - constructer: example.com/m/pool.Open\n        release: [Close]\n",
			want:    `4:9: settings.resourceclose.kinds[0]: unknown key "constructer"`, key: "settings.resourceclose.kinds[0]",
		},
		{
			name:    "misspelt resourceclose key",
			content: "settings:\n  resourceclose:\n    kind: []\n",
			want:    `3:5: settings.resourceclose: unknown key "kind"`, key: "settings.resourceclose",
		},
		{
			name:    "resource kind with a negative result",
			content: "settings:\n  resourceclose:\n    kinds:\n      - constructor: (*example.com/m/pool.Pool).Get\n        result: -1\n        release: [Release]\n",
			want:    `5:17: settings.resourceclose.kinds[0].result: -1 is negative`, key: "settings.resourceclose.kinds[0].result",
		},
		{
			name:    "resource kind release as a string",
			content: "settings:\n  resourceclose:\n    kinds:\n      - constructor: example.com/m/pool.Open\n        release: Close\n",
			want:    `5:18: settings.resourceclose.kinds[0].release: want a list, got a string`, key: "settings.resourceclose.kinds[0].release",
		},
		{
			name:    "tab indentation",
			content: "settings:\n\thttpbody: {}\n",
			want:    `2:1: found character '	' that cannot start any token`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, t.TempDir(), FileName, tt.content)
			_, err := Load(path)
			if err == nil {
				t.Fatalf("Load succeeded, want %s", tt.want)
			}
			if got, want := err.Error(), path+":"+tt.want; got != want {
				t.Errorf("Load error:\ngot  %s\nwant %s", got, want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Load error is %T, want *Error", err)
			}
			if e.File != path || e.Key != tt.key {
				t.Errorf("Error{File: %q, Key: %q}, want {File: %q, Key: %q}", e.File, e.Key, path, tt.key)
			}
		})
	}
}

// testSettings stands in for an analyzer's settings struct with fields,
// which no analyzer has yet.
type testSettings struct {
	MaxDepth int      `yaml:"max-depth"`
	Kinds    []string `yaml:"kinds"`
	Nested   struct {
		On bool `yaml:"on"`
	} `yaml:"nested"`
	Untagged string
	Limits   map[string]int `yaml:"limits"`
	Common   `yaml:",inline"`
}

// Common is inlined into testSettings.
type Common struct {
	Verbose bool `yaml:"verbose"`
}

// TestAnalyzerSettings decodes blocks into a struct with fields, checking
// that the decoder's errors are positioned and named like the rest.
func TestAnalyzerSettings(t *testing.T) {
	defaults := testSettings{MaxDepth: 7, Kinds: []string{"file"}}
	tests := []struct {
		name    string
		content string
		want    testSettings
		wantErr string
	}{
		{
			name:    "set fields keep the others' defaults",
			content: "x:\n  max-depth: 3\n  nested: {on: true}\n",
			want: testSettings{MaxDepth: 3, Kinds: []string{"file"}, Nested: struct {
				On bool `yaml:"on"`
			}{On: true}},
		},
		{
			name:    "untagged field by its lower-cased name",
			content: "x:\n  untagged: yes\n",
			want:    testSettings{MaxDepth: 7, Kinds: []string{"file"}, Untagged: "yes"},
		},
		{
			name:    "map keys are free, inlined fields are found",
			content: "x:\n  limits: {anything: 1}\n  verbose: true\n",
			want:    testSettings{MaxDepth: 7, Kinds: []string{"file"}, Limits: map[string]int{"anything": 1}, Common: Common{Verbose: true}},
		},
		{
			name:    "every unknown key, in document order, every time",
			content: "x:\n  max-depth: 1\n  b: 1\n  c: 1\n  d: 1\n  nested: {off: 1}\n",
			wantErr: "3:3: settings.x: unknown key \"b\"\nF:4:3: settings.x: unknown key \"c\"\nF:5:3: settings.x: unknown key \"d\"\nF:6:12: settings.x.nested: unknown key \"off\"",
		},
		{
			name:    "unknown key in a flow map",
			content: "x:\n  nested: {on: true, off: true}\n",
			wantErr: `2:22: settings.x.nested: unknown key "off"`,
		},
		{
			name:    "string where an integer is wanted",
			content: "x:\n  kinds: [file]\n  max-depth: deep\n",
			wantErr: `3:14: settings.x.max-depth: want an integer, got a string`,
		},
		{
			name:    "map where a list is wanted",
			content: "x:\n  kinds:\n    file: true\n",
			wantErr: `3:5: settings.x.kinds: want a list, got a map`,
		},
		{
			name:    "wrong item in a list",
			content: "x:\n  kinds: [file, [conn]]\n",
			wantErr: `2:17: settings.x.kinds[1]: want a string, got a list`,
		},
		{
			name:    "unknown nested key",
			content: "x:\n  nested:\n    on: true\n    off: false\n",
			wantErr: `4:5: settings.x.nested: unknown key "off"`,
		},
		{
			name:    "duplicate nested key",
			content: "x:\n  nested:\n    on: true\n    on: false\n",
			wantErr: `4:5: settings.x.nested: duplicate key "on" (already set on line 3)`,
		},
		{
			name:    "integer out of range",
			content: "x:\n  max-depth: 99999999999999999999\n",
			wantErr: `2:14: settings.x.max-depth: 99999999999999999999 is out of range for an integer`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := parser.ParseBytes([]byte(tt.content), 0, parser.AllowDuplicateMapKey())
			if err != nil {
				t.Fatal(err)
			}
			body := f.Docs[0].Body
			l := &loader{file: "F", anchors: anchorsIn(body)}
			entries, err := l.mapping(body, "settings", "a map")
			if err != nil {
				t.Fatal(err)
			}
			got := defaults
			got.Kinds = append([]string(nil), defaults.Kinds...)
			err = l.analyzerSettings(entries[0], "settings.x", &got)
			if tt.wantErr != "" {
				if err == nil || err.Error() != "F:"+tt.wantErr {
					t.Errorf("error:\ngot  %v\nwant F:%s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestLoadAllErrors checks that a file with mistakes under several keys
// reports every one, in document order, each with its position and key,
// and that the good entries around them do not add errors.
func TestLoadAllErrors(t *testing.T) {
	content := "enabel: [all]\n" +
		"enable: [httpbody, SA9999, errorlog/nope]\n" +
		"severity:\n  httpbody: fatal\n  htpbody: info\n  errorlog: error\n" +
		"settings:\n  httbody: {}\n  httpbody: {max-reads: 3, nope: 1}\n"
	path := writeConfig(t, t.TempDir(), FileName, content)
	_, err := Load(path)
	want := []string{
		`1:1: unknown key "enabel"`,
		`2:20: enable: unknown rule or analyzer "SA9999"`,
		`2:28: enable: unknown rule or analyzer "errorlog/nope"`,
		`4:13: severity.httpbody: unknown severity "fatal" (want error, warning or info)`,
		`5:3: severity: unknown rule or analyzer "htpbody"`,
		`8:3: settings: unknown key "httbody"`,
		`9:14: settings.httpbody: unknown key "max-reads"`,
		`9:28: settings.httpbody: unknown key "nope"`,
	}
	for i := range want {
		want[i] = path + ":" + want[i]
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Fatalf("Load error:\ngot  %v\nwant %s", err, strings.Join(want, "\n"))
	}
	var es Errors
	if !errors.As(err, &es) || len(es) != len(want) || es[1].Key != "enable" {
		t.Errorf("Load error is %T %+v, want Errors of %d", err, es, len(want))
	}
}

// TestLoadAllSettingErrors checks that every invalid value in the
// families' settings is reported, each at its own line and key, in
// document order.
func TestLoadAllSettingErrors(t *testing.T) {
	content := "settings:\n" +
		"  errorlog:\n    log-functions: [Errorf, example.com/m/log.Errorf, \"(*Logger).Errorf\"]\n" +
		"  resourceclose:\n    kinds:\n      - constructor: pool Open\n        result: -1\n" +
		"      - {constructor: example.com/m/pool.Open, release: [Close]}\n      - {constructor: example.com/m/pool.Dial, release: [shut-down]}\n"
	path := writeConfig(t, t.TempDir(), FileName, content)
	_, err := Load(path)
	want := []string{
		`3:21: settings.errorlog.log-functions[0]: "Errorf" is not a function path (no package path and name)`,
		`3:55: settings.errorlog.log-functions[2]: "(*Logger).Errorf" is not a function path (the receiver is not pkg/path.Type)`,
		`6:9: settings.resourceclose.kinds[0].release: empty; name the methods that release the resource (Close)`,
		`6:22: settings.resourceclose.kinds[0].constructor: "pool Open" is not a function path (it has spaces)`,
		`7:17: settings.resourceclose.kinds[0].result: -1 is negative`,
		`9:58: settings.resourceclose.kinds[2].release[0]: "shut-down" is not a method name`,
	}
	var got []string
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("Load error is %T (%v), want Errors", err, err)
	}
	for _, e := range es {
		msg, _, _ := strings.Cut(strings.TrimPrefix(e.Error(), path+":"), "; want pkg/path")
		got = append(got, msg)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Load errors:\ngot  %s\nwant %s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLoadMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	_, err := Load(path)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Load: %v, want a not-exist error", err)
	}
	if want := path + ": cannot read: no such file or directory"; err.Error() != want {
		t.Errorf("Load error:\ngot  %s\nwant %s", err, want)
	}
}

// noAncestorConfig skips the test when a directory above the temporary
// directory has a config file, which would be found legitimately.
func noAncestorConfig(t *testing.T, dir string) {
	t.Helper()
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		for _, name := range []string{FileName, altFileName} {
			if _, err := os.Stat(filepath.Join(d, name)); err == nil {
				t.Skipf("%s has a config file", d)
			}
		}
		if filepath.Dir(d) == d {
			return
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	noAncestorConfig(t, root)

	tests := []struct {
		name  string
		setup func(t *testing.T, root string)
		from  string // relative to root
		want  string // relative to root; "" for none
	}{
		{name: "none up to the root", from: "a/b/c", want: ""},
		{
			name:  "walks upward",
			setup: func(t *testing.T, root string) { writeConfig(t, root, FileName, "") },
			from:  "a/b/c", want: FileName,
		},
		{
			name:  "in the directory itself",
			setup: func(t *testing.T, root string) { writeConfig(t, filepath.Join(root, "a/b/c"), FileName, "") },
			from:  "a/b/c", want: "a/b/c/" + FileName,
		},
		{
			name: "nearest wins",
			setup: func(t *testing.T, root string) {
				writeConfig(t, root, FileName, "")
				writeConfig(t, filepath.Join(root, "a"), altFileName, "")
			},
			from: "a/b/c", want: "a/" + altFileName,
		},
		{
			name: "a directory with the name is not a config",
			setup: func(t *testing.T, root string) {
				writeConfig(t, root, FileName, "")
				if err := os.Mkdir(filepath.Join(root, "a", "b", FileName), 0o755); err != nil {
					t.Fatal(err)
				}
			},
			from: "a/b/c", want: FileName,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			if err := os.MkdirAll(filepath.Join(root, "a", "b", "c"), 0o755); err != nil {
				t.Fatal(err)
			}
			if tt.setup != nil {
				tt.setup(t, root)
			}
			got, err := Find(filepath.Join(root, tt.from))
			if err != nil {
				t.Fatal(err)
			}
			want := ""
			if tt.want != "" {
				want = filepath.Join(root, tt.want)
			}
			if got != want {
				t.Errorf("Find = %q, want %q", got, want)
			}
		})
	}
}

func TestFindBothNames(t *testing.T) {
	dir := t.TempDir()
	writeConfig(t, dir, FileName, "")
	writeConfig(t, dir, altFileName, "")
	_, err := Find(dir)
	want := dir + ": both .reviewlint.yml and .reviewlint.yaml exist; keep one"
	if err == nil || err.Error() != want {
		t.Errorf("Find error:\ngot  %v\nwant %s", err, want)
	}
}

func TestFindRelative(t *testing.T) {
	root := t.TempDir()
	path := writeConfig(t, root, FileName, "")
	if err := os.MkdirAll(filepath.Join(root, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	got, err := Find("sub")
	if err != nil {
		t.Fatal(err)
	}
	// t.TempDir may sit behind a symlink (macOS /var); compare files.
	if !sameFile(t, got, path) || !filepath.IsAbs(got) {
		t.Errorf("Find(%q) = %q, want %q", "sub", got, path)
	}
}

// TestFindAtRoot checks the walk ends at the filesystem root.
func TestFindAtRoot(t *testing.T) {
	root := filepath.VolumeName(os.TempDir()) + string(filepath.Separator)
	if _, err := Find(root); err != nil {
		t.Logf("Find(%q): %v", root, err) // a config at / is the host's business
	}
}

func sameFile(t *testing.T, a, b string) bool {
	t.Helper()
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

func TestLoadFor(t *testing.T) {
	t.Run("no file gives the defaults", func(t *testing.T) {
		dir := t.TempDir()
		noAncestorConfig(t, dir)
		cfg, path, err := LoadFor(dir)
		if err != nil {
			t.Fatal(err)
		}
		want := settings.DefaultConfig()
		want.Dir = dir
		if path != "" || !reflect.DeepEqual(cfg, want) {
			t.Errorf("LoadFor = %#v, %q, want %#v, \"\"", cfg, path, want)
		}
	})
	t.Run("file above", func(t *testing.T) {
		root := t.TempDir()
		file := writeConfig(t, root, altFileName, "enable: [all]\n")
		sub := filepath.Join(root, "pkg")
		if err := os.Mkdir(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		cfg, path, err := LoadFor(sub)
		if err != nil {
			t.Fatal(err)
		}
		if path != file || cfg.Dir != root || !reflect.DeepEqual(cfg.Enable, []string{"all"}) {
			t.Errorf("LoadFor = %#v, %q; want Dir %q, Enable [all], path %q", cfg, path, root, file)
		}
	})
	t.Run("bad file", func(t *testing.T) {
		root := t.TempDir()
		file := writeConfig(t, root, FileName, "enable: 1\n")
		_, _, err := LoadFor(root)
		if want := file + ":1:9: enable: want a list of rule IDs or analyzer names, got an integer"; err == nil || err.Error() != want {
			t.Errorf("LoadFor error:\ngot  %v\nwant %s", err, want)
		}
	})
}

// FuzzLoad checks that no input panics the loader and that every error is
// an *Error with a position inside the file.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		"", "version: 1\nenable: [all]\n", "settings:\n  httpbody: {a: 1}\n",
		"a: &x [*x]\n", "enable: &x *x\n", "severity: {<<: {httpbody: error}}\n",
		"exclude:\n  - ? a\n    : b\n", "- - -\n", "settings: !!map {httpbody: *y}\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, content string) {
		_, err := decode("F", []byte(content))
		if err == nil {
			return
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %T is not an *Error: %v", err, err)
		}
		// goccy counts a lone \r as a line break too.
		if lines := strings.Count(content, "\n") + strings.Count(content, "\r") + 1; e.Line < 0 || e.Line > lines {
			t.Fatalf("error line %d outside a %d-line file: %v", e.Line, lines, err)
		}
	})
}
