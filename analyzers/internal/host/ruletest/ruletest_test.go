package ruletest

import "testing"

func TestParseWant(t *testing.T) {
	delta, exps, err := parseWant(" +1 \"a.b\" `c\\(d` f:\"params releases\"")
	if err != nil {
		t.Fatal(err)
	}
	if delta != 1 || len(exps) != 3 {
		t.Fatalf("got delta %d, %d expectations", delta, len(exps))
	}
	if exps[0].object != "" || !exps[1].rx.MatchString("c(d") || exps[2].object != "f" {
		t.Errorf("got %v", exps)
	}
	for _, bad := range []string{`f "x"`, `+ "x"`, `"(unclosed"`, `42`} {
		if _, _, err := parseWant(bad); err == nil {
			t.Errorf("parseWant(%q): no error", bad)
		}
	}
}

func TestWantText(t *testing.T) {
	for comment, want := range map[string]string{
		"// want `x`":           " `x`",
		"/* want `x` */":        " `x`",
		"// ok // want `x`":     " `x`",
		"// wanted: not a want": "", // still a want comment, analysistest-style: "ed: ..." fails to parse
	} {
		got, ok := wantText(comment)
		if !ok || (want != "" && got != want) {
			t.Errorf("wantText(%q) = %q, %v", comment, got, ok)
		}
	}
	if _, ok := wantText("// nothing expected"); ok {
		t.Error("a plain comment is an expectation")
	}
}

func TestApplyEdits(t *testing.T) {
	src := []byte("abcdef")
	got, err := applyEdits(src, []edit{{4, 5, "E"}, {1, 2, "B"}, {1, 2, "B"}, {6, 6, "!"}})
	if err != nil || string(got) != "aBcdEf!" {
		t.Errorf("got %q, %v", got, err)
	}
	if _, err := applyEdits(src, []edit{{1, 4, "x"}, {2, 3, "y"}}); err == nil {
		t.Error("overlapping edits applied")
	}
}

func TestIsFixFixture(t *testing.T) {
	for path, want := range map[string]bool{
		"httpbody/unclosed/fix":                              true,
		"httpbody/unclosed/fix [httpbody/unclosed/fix.test]": true,
		"httpbody/unclosed/bad":                              false,
		"errorlog/prefix/fixture":                            false,
	} {
		if got := isFixFixture(path); got != want {
			t.Errorf("isFixFixture(%q) = %v", path, got)
		}
	}
}

func TestParseWantNow(t *testing.T) {
	_, exps, err := parseWant(" `a` now `b` `c`")
	if err != nil {
		t.Fatal(err)
	}
	if len(exps) != 3 || exps[0].now || !exps[1].now || !exps[2].now {
		t.Errorf("got %v", exps)
	}
	if text, ok := nowText("// now `x`"); !ok || text != " now  `x`" {
		t.Errorf("nowText = %q, %v", text, ok)
	}
}

func TestIsPendingFixture(t *testing.T) {
	for path, want := range map[string]bool{
		"resourceclose/pending/missed":           true,
		"errorlog/swallowed/pending":             true,
		"errorlog/swallowed/pending [x.test]":    true,
		"goroutineleak/blocked-send/bad":         false,
		"goroutineleak/blocked-send/pendingwork": false,
	} {
		if got := isPendingFixture(path); got != want {
			t.Errorf("isPendingFixture(%q) = %v", path, got)
		}
	}
}
