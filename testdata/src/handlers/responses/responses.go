// Package responses checks what a call does with an *http.Response it is
// handed (ResponseReads, ClosureReads: reads the body and never looks at
// the status) and which calls drain a body rather than read it (Drains).
package responses

import (
	"encoding/json"
	"errors"
	"io"
	"io/ioutil"
	"net/http"
)

// parse decodes the body without a look at the status.
func parse(resp *http.Response, v any) error { return json.NewDecoder(resp.Body).Decode(v) }

// checked looks at the status first.
func checked(resp *http.Response, v any) error {
	if resp.StatusCode >= 400 {
		return errors.New(resp.Status)
	}
	// parse itself does not look: handing resp to it is a read unchecked.
	return parse(resp, v) // want `^reads resp unchecked$`
}

// closes only closes the body: no read.
func closes(resp *http.Response) { resp.Body.Close() }

// unknown hands the response to a function value: it may look.
func unknown(resp *http.Response, f func(*http.Response)) { f(resp) }

func calls(resp *http.Response) {
	var v any
	parse(resp, &v) // want `^reads resp unchecked$`
	checked(resp, &v)
	closes(resp)
	unknown(resp, nil)
}

func closures(resp *http.Response, other *http.Response) {
	var v any
	read := func() { json.NewDecoder(resp.Body).Decode(&v) } // want `^closure reads binding 0 unchecked$`
	read()
	look := func() {
		if other.StatusCode != 200 {
			return
		}
		json.NewDecoder(other.Body).Decode(&v)
	}
	look()
}

// reassigned is captured by reference (assigned after capture): each
// load in the closure is the response.
func reassigned(get func() *http.Response) {
	resp := get()
	read := func() { keep(io.ReadAll(resp.Body)) } // want `^closure reads binding 0 unchecked$`
	resp = get()
	read()
}

func keep([]byte, error) {}

func drains(resp *http.Response, buf []byte) {
	io.Copy(io.Discard, resp.Body)            // want `^drains$`
	io.CopyN(ioutil.Discard, resp.Body, 512)  // want `^drains$`
	io.CopyBuffer(io.Discard, resp.Body, buf) // want `^drains$`
	io.ReadAll(resp.Body)                     // want `^drains$`
	_, _ = ioutil.ReadAll(resp.Body)          // want `^drains$`
	b, err := io.ReadAll(resp.Body)           // the bytes are used: a read
	keep(b, err)
	io.Copy(io.MultiWriter(io.Discard), resp.Body) // not io.Discard itself
}
