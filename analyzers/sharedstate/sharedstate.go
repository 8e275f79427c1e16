package sharedstate

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/reviewlint/reviewlint/analyzers/internal/catalog"
	"github.com/reviewlint/reviewlint/analyzers/internal/docutil"
)

//go:embed doc.go
var doc string

// Config holds the analyzer's settings; .reviewlint.yml (settings.sharedstate),
// go vet flags and the golangci-lint plugin all map to it.
type Config struct{}

// DefaultConfig returns the settings used when nothing is configured.
func DefaultConfig() Config { return Config{} }

// Analyzer is the analyzer with the default settings.
var Analyzer = New(DefaultConfig())

// Rules lists the rules this analyzer reports; each is a catalog entry.
var Rules = []catalog.Rule{}

// New returns the analyzer configured by cfg.
func New(cfg Config) *analysis.Analyzer {
	s := &settings{cfg: cfg}
	return &analysis.Analyzer{
		Name: "sharedstate",
		Doc:  docutil.MustExtract(doc, "sharedstate"),
		URL:  "https://github.com/reviewlint/reviewlint/blob/main/docs/sharedstate.md",
		Run:  s.run,
	}
}

type settings struct{ cfg Config }

// run reports nothing yet: the rules land with their own issues.
func (s *settings) run(pass *analysis.Pass) (any, error) {
	return nil, nil
}
