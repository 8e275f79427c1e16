package driver

import "testing"

func TestGCPercentFor(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int
	}{
		{0, 400},
		{16 << 20, 400},  // 800, capped
		{64 << 20, 200},  // 128 MiB of growth
		{100 << 20, 120}, // 128
		{smallGrowth, 100},
		{headroom, 100},
		{300 << 20, 80},  // 85 rounded down to a multiple of ten
		{400 << 20, 60},  // 64
		{512 << 20, 50},  // 50
		{2048 << 20, 50}, // 12.5, floored
	} {
		if got := gcPercentFor(c.live); got != c.want {
			t.Errorf("gcPercentFor(%d MiB) = %d, want %d", c.live>>20, got, c.want)
		}
	}
}
