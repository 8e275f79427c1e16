package report

import (
	"encoding/xml"
	"io"
)

// Checkstyle prints Checkstyle's XML report, which Jenkins' warnings
// plugin, reviewdog (-f=checkstyle) and many CI dashboards read: files in
// order, paths relative to the working directory, byte columns, the rule
// as source.
type Checkstyle struct{}

func init() {
	Writers["checkstyle"] = Checkstyle{}
}

type csReport struct {
	XMLName xml.Name `xml:"checkstyle"`
	Version string   `xml:"version,attr"`
	Files   []csFile `xml:"file"`
}

type csFile struct {
	Name   string    `xml:"name,attr"`
	Errors []csError `xml:"error"`
}

type csError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Write implements Writer.
func (Checkstyle) Write(w io.Writer, r *Result, env Env) error {
	doc := csReport{Version: "4.3"}
	index := map[string]int{}
	for _, f := range r.Findings {
		name := Rel(env.Cwd, f.File)
		i, ok := index[name]
		if !ok {
			i = len(doc.Files)
			index[name] = i
			doc.Files = append(doc.Files, csFile{Name: name})
		}
		doc.Files[i].Errors = append(doc.Files[i].Errors, csError{
			Line: f.Start.Line, Column: f.Start.Column, Severity: string(rdSeverity(f.Severity)), Message: f.Message, Source: f.Rule,
		})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
