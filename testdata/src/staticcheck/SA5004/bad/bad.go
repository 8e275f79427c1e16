// Package bad holds loops SA5004 reports.
package bad

// pollBusy receives when a value is ready and otherwise loops straight
// back: the empty default turns the select into a spin.
func pollBusy(ch <-chan int, use func(int)) {
	for {
		select {
		case v := <-ch:
			use(v)
		default: // want `should not have an empty default case in a for\+select loop`
		}
	}
}
