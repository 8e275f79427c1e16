package report

import (
	"slices"
	"strings"
)

// FormatNames lists the -format names, sorted, for usage and error
// messages.
func FormatNames() string {
	names := make([]string, 0, len(Writers))
	for n := range Writers {
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}
