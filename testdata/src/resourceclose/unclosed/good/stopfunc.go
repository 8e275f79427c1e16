package good

import "os"

type profiles struct {
	mem *os.File
}

// closedByReturnedClosure: the file goes into a local
// struct that the returned stop func captures and closes (modelled on
// influxdb's cmd/influx_tools/internal/profile Config.Start).
func closedByReturnedClosure(path string) func() {
	var prof profiles
	f, err := os.Create(path)
	if err != nil {
		return func() {}
	}
	prof.mem = f
	return func() {
		if prof.mem != nil {
			prof.mem.Close()
		}
	}
}
