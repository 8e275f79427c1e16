package excluded

// inExcludedFile would be reported anywhere else; its path is excluded.
func inExcludedFile() int {
	return 1
}
