package errorlog

import "testing"

// TestParseVerbs checks the operand mapping wrap-verb relies on.
func TestParseVerbs(t *testing.T) {
	cases := []struct {
		format string
		want   string // verb letters with their flags, in operand order
		ok     bool
	}{
		{"open %s: %v", "s v", true},
		{"100%% done: %v", "v", true},
		{"%+v and %#v", "+v #v", true},
		{"%5.2f %-10s %10v %w", "f -s v w", true},
		{"%[1]v", "", false},
		{"%*d", "", false},
		{"trailing %", "", false},
	}
	for _, c := range cases {
		verbs, ok := parseVerbs(c.format)
		if ok != c.ok {
			t.Errorf("parseVerbs(%q) ok = %v, want %v", c.format, ok, c.ok)
			continue
		}
		got := ""
		for i, v := range verbs {
			if i > 0 {
				got += " "
			}
			got += v.flags + string(v.verb)
		}
		if ok && got != c.want {
			t.Errorf("parseVerbs(%q) = %q, want %q", c.format, got, c.want)
		}
	}
}
