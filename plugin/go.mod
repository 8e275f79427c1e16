module github.com/reviewlint/reviewlint/plugin

go 1.26.8

require (
	github.com/goccy/go-yaml v1.19.2
	github.com/golangci/plugin-module-register v0.1.2
	github.com/reviewlint/reviewlint v0.0.0-00010101000000-000000000000
	golang.org/x/tools v0.52.0
)

require (
	golang.org/x/exp/typeparams v0.0.0-20231108232855-2478ac86f678 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
	honnef.co/go/tools v0.8.2 // indirect
)

// Local development: the plugin builds against this checkout. A release
// tags the root module and plugin/ together and requires the tagged root.
replace github.com/reviewlint/reviewlint => ../
