// Package missed holds positive cases the engine does not report yet. Each
// keeps its want comment and says what the engine does wrong; once fixed, a
// case moves back to its rule's bad/ directory. TestRules runs them with
// inverted expectations (ruletest's pending.go): it fails when a want
// comment starts to match.
package missed

import "context"

// deferredConditionalCancel: the deferred closure cancels only on error;
// on success the cancel func is neither called nor returned.
//
// Engine: a deferred closure counts as releasing what its body releases on
// any path: summary.go freeVarEffect uses effectOf (the strongest use
// anywhere), not mustEffect (every path), so a conditional cancel() in a
// deferred closure discharges the obligation on every path. Where the
// closure's release is conditional on the function's own error, the
// success path should still owe it unless the resource escapes there
// (compare cancel-leak/good cancelOnErrorOnly).
func deferredConditionalCancel(parent context.Context, work func(context.Context) error) (err error) {
	ctx, cancel := context.WithCancel(parent) // want `cancel func cancel from context\.WithCancel`
	defer func() {
		if err != nil {
			cancel()
		}
	}()
	return work(ctx)
}
