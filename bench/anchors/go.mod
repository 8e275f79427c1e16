// Helper of bench/anchors/compare: prepares the fixture module and scores the
// tools' outputs against the fixtures' ground truth. Standard library only;
// not part of the reviewlint module.
module reviewlint.bench/anchors

go 1.26.0
