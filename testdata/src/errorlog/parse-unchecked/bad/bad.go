package bad

import (
	"bufio"
	"flag"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// A query parameter that is not a number becomes a limit of 0.
func list(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit")) // want `the error of strconv.Atoi is assigned to _, but its input comes from url.Values.Get \(line 16\): a malformed value silently becomes the zero int`
	w.Write(make([]byte, limit))
}

// A form value, through a trim.
func setTTL(r *http.Request) time.Duration {
	ttl, _ := time.ParseDuration(strings.TrimSpace(r.FormValue("ttl"))) // want `time.ParseDuration is assigned to _, but its input comes from Request.FormValue`
	return ttl
}

// A header parsed as an integer.
func contentLength(h http.Header) int64 {
	n, _ := strconv.ParseInt(h.Get("Content-Length"), 10, 64) // want `strconv.ParseInt is assigned to _, but its input comes from http.Header.Get`
	return n
}

// "yes" in the environment becomes false (influxdb's INFLUX_INSECURE_CERTIFICATE shape).
func insecure() bool {
	v, _ := strconv.ParseBool(os.Getenv("APP_INSECURE")) // want `strconv.ParseBool is assigned to _, but its input comes from os.Getenv`
	return v
}

// A variable set from the environment, with a default on one path.
func workers() int {
	s := os.Getenv("WORKERS")
	if s == "" {
		s = "4"
	}
	n, _ := strconv.Atoi(s) // want `its input comes from os.Getenv`
	return n
}

var endpoint = flag.String("endpoint", "http://localhost", "server URL")

// A flag's value parsed as a URL: a typo gives a nil URL.
func target() string {
	u, _ := url.Parse(*endpoint) // want `url.Parse is assigned to _, but its input comes from the flag flag.String`
	return u.Host
}

// A field of each line of a file.
func sizes(sc *bufio.Scanner) []float64 {
	var out []float64
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		v, _ := strconv.ParseFloat(f[1], 64) // want `strconv.ParseFloat is assigned to _, but its input comes from Scanner.Text`
		out = append(out, v)
	}
	return out
}

// A command-line argument.
func count() int {
	n, _ := strconv.Atoi(os.Args[1]) // want `its input comes from os.Args`
	return n
}

// A time stamp a caller handed in, in a function that could report it
// but returns a duration from the zero time instead.
func Since(stamp string) (time.Duration, error) {
	t, _ := time.Parse(time.RFC3339, stamp) // want `time.Parse is assigned to _, but its input comes from the parameter stamp`
	return time.Since(t), nil
}

// A closure reads the request it captured.
func handler() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		page := func() int {
			p, _ := strconv.Atoi(r.PathValue("page")) // want `its input comes from Request.PathValue`
			return p
		}
		w.Write(make([]byte, page()))
	}
}

// A path segment of the request URL.
func itemID(r *http.Request) int64 {
	id, _ := strconv.ParseInt(strings.TrimPrefix(r.URL.Path, "/items/"), 10, 64) // want `its input comes from the request's Path`
	return id
}

// A form field read through the parsed form map.
func pageOf(r *http.Request) int {
	r.ParseForm()
	p, _ := strconv.Atoi(r.Form["page"][0]) // want `its input comes from the request's Form`
	return p
}
