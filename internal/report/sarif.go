package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/reviewlint/reviewlint/analyzers"
)

// SARIF prints a SARIF 2.1.0 log for GitHub code scanning and other SARIF
// consumers: one run whose tool.driver.rules[] is the catalog, results with
// paths relative to %SRCROOT% (the git work tree), 1-based regions in
// UTF-16 code units, fingerprints that survive unrelated edits, fixes and
// related locations.
type SARIF struct{}

func init() {
	Writers["sarif"] = SARIF{}
}

// InformationURI is reviewlint's home page.
const InformationURI = "https://github.com/reviewlint/reviewlint"

// SARIFSchema is the $schema a SARIF log names.
const SARIFSchema = "https://json.schemastore.org/sarif-2.1.0.json"

// srcRoot is the uriBaseId results are relative to.
const srcRoot = "%SRCROOT%"

// fingerprintKey names reviewlint's partial fingerprint; the version
// changes when the key's recipe does.
const fingerprintKey = "reviewlint/v1"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	Invocations        []sarifInvocation           `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                      `json:"columnKind"`
	Results            []sarifResult               `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifText         `json:"help"`
	HelpURI              string            `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
	Properties           sarifRuleProperty `json:"properties"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRuleConfig struct {
	Enabled bool   `json:"enabled"`
	Level   string `json:"level"`
}

type sarifRuleProperty struct {
	Tags []string `json:"tags"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifLocation struct {
	ID               *int          `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

// Write implements Writer.
func (SARIF) Write(w io.Writer, r *Result, env Env) error {
	b := sarifBuilder{src: NewSources(), root: SourceRoot(env.Cwd), index: map[string]int{}}
	for _, rule := range env.Rules {
		b.addRule(rule)
	}
	run := sarifRun{
		Tool:        sarifTool{Driver: sarifDriver{Name: "reviewlint", Version: env.Version, InformationURI: InformationURI}},
		Invocations: []sarifInvocation{b.invocation(r.Errors)},
		ColumnKind:  "utf16CodeUnits",
		Results:     []sarifResult{},
	}
	if b.root != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: dirURI(b.root)}}
	}
	keys, occ := b.src.Keys(r.Findings, b.root)
	for i, f := range r.Findings {
		if !under(b.root, f.File) {
			// Code scanning resolves results against the checkout; a
			// finding outside it (a file in GOROOT) has nowhere to go.
			continue
		}
		run.Results = append(run.Results, b.result(f, Fingerprint(keys[i], occ[i])))
	}
	run.Tool.Driver.Rules = b.rules
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: SARIFSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

// sarifBuilder is the state of one SARIF write.
type sarifBuilder struct {
	src   *Sources
	root  string
	rules []sarifRule
	index map[string]int // rule ID -> index in rules
}

// addRule appends a catalog rule to rules[].
func (b *sarifBuilder) addRule(r analyzers.Rule) {
	if _, ok := b.index[r.ID]; ok {
		return
	}
	tags := []string{r.Family}
	if r.Credit != "" {
		tags = append(tags, r.Credit)
	}
	b.index[r.ID] = len(b.rules)
	b.rules = append(b.rules, sarifRule{
		ID:                   r.ID,
		ShortDescription:     sarifText{Text: orID(r.Title, r.ID)},
		FullDescription:      sarifText{Text: orID(r.Text, r.ID)},
		Help:                 sarifText{Text: helpText(r), Markdown: helpMarkdown(r)},
		HelpURI:              r.URL,
		DefaultConfiguration: sarifRuleConfig{Enabled: r.Default, Level: sarifLevel(r.Severity)},
		Properties:           sarifRuleProperty{Tags: tags},
	})
}

// ruleIndex returns the rules[] index of id, adding a bare rule for a
// category the catalog does not know, so every ruleId is in rules[].
func (b *sarifBuilder) ruleIndex(f Finding) int {
	if i, ok := b.index[f.Rule]; ok {
		return i
	}
	b.addRule(analyzers.Rule{ID: f.Rule, Family: f.Analyzer, Severity: f.Severity, URL: f.URL, Default: true})
	return b.index[f.Rule]
}

func (b *sarifBuilder) result(f Finding, fingerprint string) sarifResult {
	res := sarifResult{
		RuleID:              f.Rule,
		RuleIndex:           b.ruleIndex(f),
		Level:               sarifLevel(f.Severity),
		Message:             sarifText{Text: f.Message},
		Locations:           []sarifLocation{{PhysicalLocation: b.physical(f.File, f.Start, f.End)}},
		PartialFingerprints: map[string]string{fingerprintKey: fingerprint},
	}
	for _, rel := range f.Related {
		if !under(b.root, rel.File) {
			continue
		}
		id := len(res.RelatedLocations)
		res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
			ID: &id, PhysicalLocation: b.physical(rel.File, rel.Start, rel.End), Message: &sarifText{Text: orID(rel.Message, "related")},
		})
	}
	for _, fx := range f.Fixes {
		if sf, ok := b.fix(fx); ok {
			res.Fixes = append(res.Fixes, sf)
		}
	}
	return res
}

// fix converts a suggested fix, its edits grouped by file in order; a fix
// touching a file outside the root is left out whole.
func (b *sarifBuilder) fix(fx Fix) (sarifFix, bool) {
	out := sarifFix{Description: sarifText{Text: orID(fx.Message, "apply the suggested fix")}}
	byFile := map[string]int{}
	for _, e := range fx.Edits {
		if !under(b.root, e.File) || e.Start.Line < 1 {
			return sarifFix{}, false
		}
		i, ok := byFile[e.File]
		if !ok {
			i = len(out.ArtifactChanges)
			byFile[e.File] = i
			out.ArtifactChanges = append(out.ArtifactChanges, sarifArtifactChange{ArtifactLocation: b.artifact(e.File)})
		}
		rep := sarifReplacement{DeletedRegion: *b.region(e.File, e.Start, e.End, true)}
		if e.NewText != "" {
			rep.InsertedContent = &sarifText{Text: e.NewText}
		}
		out.ArtifactChanges[i].Replacements = append(out.ArtifactChanges[i].Replacements, rep)
	}
	return out, len(out.ArtifactChanges) > 0
}

func (b *sarifBuilder) physical(file string, start, end Position) sarifPhysical {
	return sarifPhysical{ArtifactLocation: b.artifact(file), Region: b.region(file, start, end, false)}
}

func (b *sarifBuilder) artifact(file string) sarifArtifactLoc {
	return sarifArtifactLoc{URI: relURI(Rel(b.root, file)), URIBaseID: srcRoot}
}

// region converts byte positions to a 1-based region in UTF-16 columns; nil
// when the line is unknown. exact keeps an empty range empty (a fix's
// insertion point); otherwise an empty range is widened to nothing more
// than its start.
func (b *sarifBuilder) region(file string, start, end Position, exact bool) *sarifRegion {
	if start.Line < 1 {
		return nil
	}
	r := &sarifRegion{StartLine: start.Line, StartColumn: b.src.UTF16Column(file, start.Line, start.Column)}
	if end.Line >= start.Line && (end.Line > start.Line || end.Column > start.Column || exact) {
		r.EndLine = end.Line
		r.EndColumn = b.src.UTF16Column(file, end.Line, end.Column)
	}
	if r.StartColumn < 1 {
		r.StartColumn, r.EndColumn = 0, 0
	}
	if r.EndColumn < 1 {
		r.EndColumn = 0
	}
	return r
}

// invocation reports whether every package was analysed, with one
// notification per failure.
func (b *sarifBuilder) invocation(errs []PackageError) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: len(errs) == 0}
	for _, e := range errs {
		msg := e.Message
		if e.Package != "" {
			msg = e.Package + ": " + msg
		}
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "error", Message: sarifText{Text: msg}})
	}
	return inv
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s analyzers.Severity) string {
	switch s {
	case analyzers.Error:
		return "error"
	case analyzers.Info:
		return "note"
	}
	return "warning"
}

// helpText is a rule's documentation as plain text.
func helpText(r analyzers.Rule) string {
	parts := []string{orID(r.Text, r.ID)}
	if r.Bad != "" {
		parts = append(parts, "Bad:\n\n"+r.Bad)
	}
	if r.Good != "" {
		parts = append(parts, "Good:\n\n"+r.Good)
	}
	if r.URL != "" {
		parts = append(parts, "Documentation: "+r.URL)
	}
	return strings.Join(parts, "\n\n")
}

// helpMarkdown is the same documentation with fenced examples.
func helpMarkdown(r analyzers.Rule) string {
	parts := []string{orID(r.Text, r.ID)}
	if r.Bad != "" {
		parts = append(parts, "Bad:\n\n```go\n"+strings.TrimRight(r.Bad, "\n")+"\n```")
	}
	if r.Good != "" {
		parts = append(parts, "Good:\n\n```go\n"+strings.TrimRight(r.Good, "\n")+"\n```")
	}
	if r.URL != "" {
		parts = append(parts, "[Documentation]("+r.URL+")")
	}
	return strings.Join(parts, "\n\n")
}

// orID returns s, or fallback when s is empty (SARIF requires the text).
func orID(s, fallback string) string {
	if strings.TrimSpace(s) == "" {
		return fallback
	}
	return s
}

// relURI escapes a relative file name as a URI reference with forward
// slashes.
func relURI(name string) string {
	return (&url.URL{Path: filepath.ToSlash(name)}).EscapedPath()
}

// dirURI is the file: URI of a directory, with the trailing slash SARIF
// requires of a base URI.
func dirURI(dir string) string {
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: strings.TrimSuffix(p, "/") + "/"}).String()
}
