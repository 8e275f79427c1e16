# Shell functions shared by the scripts that walk the corpus copies
# ($src/NAME with NAME.meta, NAME.pkgs, NAME.excluded, as bench/run
# --corpus-only writes them). Source it after setting src.

# corpus_meta NAME KEY prints KEY's value in NAME.meta.
corpus_meta() { sed -n "s/^$2=//p" "$src/$1.meta"; }

# corpus_selected NAME succeeds when NAME passes the BENCH_KIND (library or
# application) and BENCH_MODULES (comma-separated substrings of module
# paths) filters.
corpus_selected() {
	local module kind f
	module=$(corpus_meta "$1" module)
	kind=$(corpus_meta "$1" kind)
	kind=${kind:-library}
	[ -z "${BENCH_KIND:-}" ] || [ "$kind" = "$BENCH_KIND" ] || return 1
	[ -n "${BENCH_MODULES:-}" ] || return 0
	for f in ${BENCH_MODULES//,/ }; do [[ $module == *"$f"* ]] && return 0; done
	return 1
}

# corpus_patterns NAME prints the package patterns analysed in NAME, one
# per line: the loadable packages of NAME.pkgs when some do not load
# (NAME.excluded is not empty), else the patterns of NAME.meta.
corpus_patterns() {
	local pattern
	if [ -s "$src/$1.excluded" ]; then
		cut -f1 "$src/$1.pkgs"
		return
	fi
	pattern=$(corpus_meta "$1" patterns)
	printf '%s\n' ${pattern:-./...}
}
