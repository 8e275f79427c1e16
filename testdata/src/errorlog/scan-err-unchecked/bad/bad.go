package bad

import (
	"bufio"
	"io"
	"net"
	"os"
	"os/exec"
	"strings"
)

// A file read line by line: a disk error or a line over 64 KiB ends the
// loop like the end of the file does, and the count is returned as
// complete.
func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() { // want `Err is never checked`
		n++
	}
	return n, nil
}

// A line protocol over a connection: a reset connection looks like the
// peer's orderly close.
func readCommands(c net.Conn, handle func(string)) {
	sc := bufio.NewScanner(c)
	for sc.Scan() { // want `Err is never checked`
		handle(sc.Text())
	}
}

// A reader handed in: the caller may pass a file or a pipe, and the loop
// that stops at the first matching line still needs Err when none matched.
func findHeader(r io.Reader, prefix string) (string, bool) {
	sc := bufio.NewScanner(r)
	for sc.Scan() { // want `Err is never checked`
		if line := sc.Text(); strings.HasPrefix(line, prefix) {
			return line, true
		}
	}
	return "", false
}

// A child process's output: a failed pipe read truncates the list.
func listUnits() ([]string, error) {
	cmd := exec.Command("systemctl", "list-units", "--plain")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	var units []string
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 0, 1024), 1<<20)
	for sc.Scan() { // want `Err is never checked`
		units = append(units, strings.Fields(sc.Text())[0])
	}
	return units, cmd.Wait()
}
