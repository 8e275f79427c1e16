// Package resourceclose defines an Analyzer that reports resources that are not released on every path.
//
// # Analyzer resourceclose
//
// resourceclose: reports resources that are not released on every path
//
// Files, database/sql rows, statements, transactions and connections, network
// connections, readers and context cancel funcs must be released on every path
// from where they are acquired to where the function returns, unless ownership
// moves: the value is returned, stored, sent, or handed to a function that
// releases or keeps it. The analysis follows values on SSA and exchanges
// function summaries as facts, so helpers in other packages count.
package resourceclose
