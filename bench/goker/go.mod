// The GoKer measurement (bench/goker/run): standard library only; not part
// of the reviewlint module.
module reviewlint.bench/goker

go 1.26.0
