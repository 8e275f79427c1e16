package good

import (
	"bufio"
	"io"
	"net"
	"net/http"
)

// deferred: the canonical pattern.
func deferred(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// returned: the response goes to the caller, who closes it.
func returned(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// bodyReturned: the body is returned as a stream (ANCHOR-GAPS: bodyclose
// reports this).
func bodyReturned(url string) (io.ReadCloser, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

type stream struct{ body io.ReadCloser }

// storedInReturnedStruct: the body lives on in a struct the caller closes.
func storedInReturnedStruct(url string) (*stream, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return &stream{body: resp.Body}, nil
}

// closeQuietly is a helper that closes what it is given.
func closeQuietly(c io.Closer) { _ = c.Close() }

// helperClosesBody: closed through a helper (ANCHOR-GAPS).
func helperClosesBody(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer closeQuietly(resp.Body)
	return nil
}

// drainAndClose takes the whole response and closes its body.
func drainAndClose(resp *http.Response) {
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

// helperTakesResponse: the response is passed to a function that closes it.
func helperTakesResponse(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer drainAndClose(resp)
	return nil
}

// deferredDrain: drained and closed in a deferred closure.
func deferredDrain(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()
	return nil
}

// closedInGoroutine: a goroutine the function starts closes it
// (ANCHOR-GAPS).
func closedInGoroutine(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	go func() {
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, resp.Body)
	}()
	return nil
}

// errPathOwesNothing: when Do fails there is no body to close.
func errPathOwesNothing(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	code := resp.StatusCode
	resp.Body.Close()
	return code, nil
}

// requireOK closes the body of a response it rejects, like consul/api's:
// on its error path the caller owes nothing (found on the bench corpus,
// eleven false positives before summaries learnt "releases on error").
func requireOK(resp *http.Response) error {
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return io.ErrUnexpectedEOF
	}
	return nil
}

// closedByRequireOKOnError: the error path is covered by requireOK, the
// success path closes.
func closedByRequireOKOnError(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	if err := requireOK(resp); err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

// upgraded: after 101 Switching Protocols the body is the connection the
// function goes on to use (modelled on moby's hijack; found on the bench
// corpus).
func upgraded(rt http.RoundTripper, req *http.Request) (io.ReadWriteCloser, error) {
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		resp.Body.Close()
		return nil, io.ErrUnexpectedEOF
	}
	rwc, _ := resp.Body.(io.ReadWriteCloser)
	return rwc, nil
}

// readResponse: http.ReadResponse's body reads from a connection the
// caller owns; closing the connection is what matters (gorilla/websocket's
// proxy dialer; found on the bench corpus).
func readResponse(conn net.Conn, req *http.Request) (net.Conn, error) {
	resp, err := http.ReadResponse(bufio.NewReader(conn), req)
	if err != nil {
		conn.Close()
		return nil, err
	}
	if resp.StatusCode != 200 {
		conn.Close()
		return nil, io.ErrUnexpectedEOF
	}
	return conn, nil
}
