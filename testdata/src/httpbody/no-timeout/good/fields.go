package good

import (
	"context"
	"net/http"
)

type scraper struct {
	url    string
	client *http.Client
	req    *http.Request
}

// cachedRequestSentWithContext: the request is built once without a
// context and kept in a field; every send takes it through
// WithContext(ctx) (modelled on prometheus scrape/scrape.go
// targetScraper.scrape).
func (s *scraper) cachedRequestSentWithContext(ctx context.Context) (*http.Response, error) {
	if s.req == nil {
		req, err := http.NewRequest(http.MethodGet, s.url, http.NoBody)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Accept", "text/plain")
		s.req = req
	}
	return s.client.Do(s.req.WithContext(ctx))
}

type identity struct {
	Client *http.Client
}

// transportSetThroughField: the client literal goes into a field and its
// Transport is set through that field right after (modelled on
// minio-go's pkg/credentials/sts_tls_identity.go).
func transportSetThroughField(t http.RoundTripper) func(*identity) {
	return func(i *identity) {
		if i.Client == nil {
			i.Client = &http.Client{}
		}
		i.Client.Transport = t
	}
}
