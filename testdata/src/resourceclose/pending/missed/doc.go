// Package missed holds positive cases the engine does not report yet (none
// today: add a file per case). Each keeps its want comment and says what
// the engine does wrong; once fixed, a case moves back to its rule's bad/
// directory. TestRules runs them with inverted expectations (ruletest's
// pending.go): it fails when a want comment starts to match.
package missed
