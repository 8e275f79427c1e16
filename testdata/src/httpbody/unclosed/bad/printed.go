package bad

import (
	"fmt"
	"net/http"
)

// Modelled on bodyclose's own testdata (timakin/bodyclose, passes/bodyclose
// testdata a/a.go f4): a response that is only printed is still never
// closed. fmt formats its operands during the call and keeps none of them.

func printedOnly(url string) {
	resp, err := http.Get(url) // want `body of resp from http.Get`
	if err != nil {
		return
	}
	fmt.Print(resp)
}

func bodyPrinted(url string) string {
	resp, err := http.Get(url) // want `body of resp from http.Get`
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%v %s", resp.Body, resp.Status)
}
