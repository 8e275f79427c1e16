// Helpers of the benchmark (bench/run): the findings ledger and the report
// generator. Standard library only; not part of the reviewlint module.
module reviewlint.bench/ledger

go 1.26.0
