//go:build go1.22

package good

import "time"

type reply struct{ stale bool }

// A select re-entered through a backward goto, taken only when the reply
// is stale and the request is re-sent: a bounded retry, not a loop that
// abandons a timer per message (nats-server server/stream.go:4751 and
// :4232, setupSourceConsumer and setupMirrorConsumer; false positives on
// the application corpus).
func awaitReply(replies chan reply, resend func()) bool {
SELECT:
	select {
	case r := <-replies:
		if r.stale {
			resend()
			goto SELECT
		}
		return true
	case <-time.After(10 * time.Second):
		return false
	}
}
