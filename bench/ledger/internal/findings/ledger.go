package findings

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Verdicts a ledger entry can carry.
const (
	TP        = "tp"
	FP        = "fp"
	Unsure    = "unsure"
	Untriaged = "untriaged"
)

// Header is the ledger's column line.
const Header = "rule\tmodule\tfile\tcode\tverdict\treason"

// Entry is one triaged (or still untriaged) finding of the ledger.
type Entry struct {
	Key
	Verdict string
	Reason  string
	Line    int // line in the ledger file, for messages
}

// Ledger is the parsed ledger.tsv.
type Ledger struct {
	Entries []Entry
	ByKey   map[Key]*Entry
}

// ReadLedger parses a ledger in TSV form. Blank lines and lines starting
// with '#' are ignored, and so is the header line.
func ReadLedger(r io.Reader) (*Ledger, error) {
	l := &Ledger{ByKey: map[Key]*Entry{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") || line == Header {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 5 {
			return nil, fmt.Errorf("line %d: want 6 tab-separated columns (%s), got %d", n, strings.ReplaceAll(Header, "\t", ", "), len(fields))
		}
		e := Entry{
			Key:     Key{Rule: fields[0], Module: fields[1], File: fields[2], Code: Normalize(fields[3])},
			Verdict: strings.ToLower(strings.TrimSpace(fields[4])),
			Line:    n,
		}
		if len(fields) > 5 {
			e.Reason = strings.Join(fields[5:], " ")
		}
		switch e.Verdict {
		case TP, FP, Unsure, Untriaged:
		default:
			return nil, fmt.Errorf("line %d: verdict %q is not one of tp, fp, unsure, untriaged", n, e.Verdict)
		}
		if prev, ok := l.ByKey[e.Key]; ok {
			return nil, fmt.Errorf("line %d: the same finding is already in the ledger at line %d", n, prev.Line)
		}
		l.Entries = append(l.Entries, e)
		l.ByKey[e.Key] = &l.Entries[len(l.Entries)-1]
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	// Entries may have moved when the slice grew: rebuild the index.
	for i := range l.Entries {
		l.ByKey[l.Entries[i].Key] = &l.Entries[i]
	}
	return l, nil
}

// ReadLedgerFile reads the ledger at path; a missing file is an empty ledger.
func ReadLedgerFile(path string) (*Ledger, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return &Ledger{ByKey: map[Key]*Entry{}}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	l, err := ReadLedger(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return l, nil
}

func field(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)), " ")
}

// FormatEntry renders e as one ledger line (without the newline).
func FormatEntry(e Entry) string {
	return strings.Join([]string{field(e.Rule), field(e.Module), field(e.File), field(e.Code), e.Verdict, field(e.Reason)}, "\t")
}

// AppendEntries appends entries to the ledger at path, writing the header
// first if the file is new or empty.
func AppendEntries(path string, entries []Entry) error {
	st, err := os.Stat(path)
	needHeader := os.IsNotExist(err) || (err == nil && st.Size() == 0)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if needHeader {
		fmt.Fprintln(w, Header)
	}
	for _, e := range entries {
		fmt.Fprintln(w, FormatEntry(e))
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// RuleStats counts the findings of one rule by verdict.
type RuleStats struct {
	Rule                                string
	Findings, TP, FP, Unsure, Untriaged int
}

// Precision is TP/(TP+FP), or -1 when nothing is triaged either way.
func (s RuleStats) Precision() float64 {
	if s.TP+s.FP == 0 {
		return -1
	}
	return float64(s.TP) / float64(s.TP+s.FP)
}

// Match looks every finding up in the ledger. It returns the per-rule
// statistics (sorted by rule), the findings with no verdict yet (untriaged
// entries of the ledger included), and the ledger entries no finding matched.
func (l *Ledger) Match(fs []Finding) (stats []RuleStats, untriaged []Finding, stale []Entry) {
	byRule := map[string]*RuleStats{}
	seen := map[Key]bool{}
	for _, f := range fs {
		s := byRule[f.Rule]
		if s == nil {
			s = &RuleStats{Rule: f.Rule}
			byRule[f.Rule] = s
		}
		s.Findings++
		k := f.Key()
		seen[k] = true
		e := l.ByKey[k]
		verdict := Untriaged
		if e != nil {
			verdict = e.Verdict
		}
		switch verdict {
		case TP:
			s.TP++
		case FP:
			s.FP++
		case Unsure:
			s.Unsure++
		default:
			s.Untriaged++
			untriaged = append(untriaged, f)
		}
	}
	for _, e := range l.Entries {
		if !seen[e.Key] {
			stale = append(stale, e)
		}
	}
	for _, s := range byRule {
		stats = append(stats, *s)
	}
	sort.Slice(stats, func(i, j int) bool { return stats[i].Rule < stats[j].Rule })
	return stats, untriaged, stale
}
