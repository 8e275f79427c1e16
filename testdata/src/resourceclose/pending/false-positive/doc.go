// Package falsepositive holds hard negatives the engine still reports (none
// today: add a file per case). Each case says what the engine does wrong,
// and a "now" comment records what it reports today; once fixed, a case
// moves back to its rule's good/ directory. TestRules runs them with
// inverted expectations (ruletest's pending.go): it fails when a case
// changes.
package falsepositive
