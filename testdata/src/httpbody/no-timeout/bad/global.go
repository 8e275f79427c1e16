package bad

import "net/http"

// apiClient is the package's one client, built at init without a Timeout:
// every call through it can hang on a server that stops answering.
var apiClient = &http.Client{} // want `package-level http.Client apiClient has no Timeout`

func ping(u string) error {
	resp, err := apiClient.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
