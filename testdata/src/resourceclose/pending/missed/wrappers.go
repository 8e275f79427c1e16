package missed

import (
	"compress/gzip"
	"context"
	"io"
	"os"
)

// gzipCloseIsNotFileClose: gz.Close does not close the file under it
// (compress/gzip documents that Close does not close the underlying
// io.Reader).
//
// Engine: gzip.NewReader's summary says param 0 escapes ((*Reader).Reset
// stores r into the receiver's field, a store through a parameter), so the
// file's obligation ends at NewReader. Were NewReader seen as wrapping f,
// track.go releasesVia would still count gz.Close() as closing f ("closing
// a wrapper counts as closing what it wraps"), which is wrong for gzip,
// bufio-backed and most decompressing readers.
func gzipCloseIsNotFileClose(name string) ([]byte, error) {
	f, err := os.Open(name) // want `file f from os\.Open`
	if err != nil {
		return nil, err
	}
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	defer gz.Close()
	return io.ReadAll(gz)
}

// deferredConditionalCancel: the deferred closure cancels only on error;
// on success the cancel func is neither called nor returned.
//
// Engine: a deferred closure counts as releasing what its body releases on
// any path: summary.go freeVarEffect uses effectOf (the strongest use
// anywhere), not mustEffect (every path), so a conditional cancel() in a
// deferred closure discharges the obligation on every path. Where the
// closure's release is conditional on the function's own error, the
// success path should still owe it unless the resource escapes there
// (compare cancel-leak/good cancelOnErrorOnly).
func deferredConditionalCancel(parent context.Context, work func(context.Context) error) (err error) {
	ctx, cancel := context.WithCancel(parent) // want `cancel func cancel from context\.WithCancel`
	defer func() {
		if err != nil {
			cancel()
		}
	}()
	return work(ctx)
}
