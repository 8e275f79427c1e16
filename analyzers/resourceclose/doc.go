// Package resourceclose defines an Analyzer that reports resources that are not released on every path.
//
// # Analyzer resourceclose
//
// resourceclose: reports resources that are not released on every path
//
// Files, database/sql databases, connections, statements, rows and
// transactions, pgx rows, batch results, transactions and pooled
// connections, network connections and listeners, zip readers, httptest
// servers, tickers and timers (before Go 1.23), started commands (waited
// for) and context cancel funcs must be released on every path
// from where they are acquired to where the function returns, unless ownership
// moves: the value is returned, stored, sent, or handed to a function that
// releases or keeps it. The analysis follows values on SSA and exchanges
// function summaries as facts, so helpers in other packages count.
//
// A project's own resources can be declared in .reviewlint.yml, by the full
// name of the constructor and the methods that release the result:
//
//	settings:
//	  resourceclose:
//	    kinds:
//	      - constructor: (*example.com/db/pool.Pool).Get   # or example.com/db/pool.Pool.Get; a function: example.com/db/pool.Open
//	        result: 0                                      # which result is the resource
//	        release: [Release]                             # any one of these releases it
package resourceclose
