package sharedstate

import (
	"slices"
	"testing"
)

func TestCamelWords(t *testing.T) {
	for name, want := range map[string][]string{
		"RLock":          {"r", "lock"},
		"tryAcquireSlot": {"try", "acquire", "slot"},
		"HTTPLock":       {"http", "lock"},
		"lock_shard":     {"lock", "shard"},
		"lockstep":       {"lockstep"},
		"x":              {"x"},
	} {
		if got := camelWords(name); !slices.Equal(got, want) {
			t.Errorf("camelWords(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestLockedName(t *testing.T) {
	for name, want := range map[string]bool{
		"addLocked": true, "setWriteErrLocked": true, "flush2Locked": true,
		"isBlocked": false, "unlocked": false, "Locked": false, "isLocked": false,
		"IsLocked": false, "ValueWithLock": false, "get_locked": false, "ALLLocked": false,
	} {
		if got := lockedName(name); got != want {
			t.Errorf("lockedName(%q) = %v, want %v", name, got, want)
		}
	}
}
