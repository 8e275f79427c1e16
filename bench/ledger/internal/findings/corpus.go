package findings

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Kinds of corpus module.
const (
	Library     = "library"
	Application = "application"
)

// LoadDir reads the outputs bench/findings wrote into dir: index.tsv (name,
// module, kind, directory, exit code, findings) and one NAME.json per module.
func LoadDir(dir string) ([]Finding, error) {
	rows, err := readTSV(filepath.Join(dir, "index.tsv"))
	if err != nil {
		return nil, err
	}
	var all []Finding
	for _, r := range rows {
		if len(r) < 4 || r[0] == "name" {
			continue
		}
		name, module, moddir := r[0], r[1], r[3]
		fs, err := Load(filepath.Join(dir, name+".json"), module, moddir)
		if err != nil {
			return nil, err
		}
		all = append(all, fs...)
	}
	return all, nil
}

// readTSV returns the tab-separated fields of every line of path that is
// neither blank nor a '#' comment.
func readTSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows, sc.Err()
}

// Apps reads bench/corpus/apps.tsv and returns the set of application
// modules; every other corpus module is a library.
func Apps(path string) (map[string]bool, error) {
	rows, err := readTSV(path)
	if err != nil {
		return nil, err
	}
	apps := map[string]bool{}
	for _, r := range rows {
		if len(r) >= 3 && r[2] == Application {
			apps[r[0]] = true
		}
	}
	return apps, nil
}

// TotalLines reads bench/corpus/lines.tsv and returns the analysed lines of
// its 'total' row (libraries and applications).
func TotalLines(path string) (int, error) {
	rows, err := readTSV(path)
	if err != nil {
		return 0, err
	}
	col := -1
	for _, r := range rows {
		if r[0] == "part" {
			for i, c := range r {
				if c == "lines" {
					col = i
				}
			}
			continue
		}
		if r[0] == "total" && col >= 0 && col < len(r) {
			return strconv.Atoi(r[col])
		}
	}
	return 0, fmt.Errorf("%s: no 'total' row with a 'lines' column", path)
}

// Sample draws, for every rule with more than n distinct findings, n of
// them: round-robin over the modules, the modules and each module's findings
// in a random order fixed by seed, the rule and the module, so that a rule with
// many findings in one module is not judged on that module alone. A rule
// with at most n distinct findings is taken whole. The result is the set of
// sampled keys.
func Sample(fs []Finding, n int, seed uint64) map[Key]bool {
	byRule := map[string]map[string][]Key{}
	seen := map[Key]bool{}
	for _, f := range fs {
		k := f.Key()
		if seen[k] {
			continue
		}
		seen[k] = true
		if byRule[f.Rule] == nil {
			byRule[f.Rule] = map[string][]Key{}
		}
		byRule[f.Rule][f.Module] = append(byRule[f.Rule][f.Module], k)
	}
	out := map[Key]bool{}
	for rule, byMod := range byRule {
		var mods []string
		total := 0
		for m, ks := range byMod {
			mods = append(mods, m)
			total += len(ks)
			sort.Slice(ks, func(i, j int) bool { return keyLess(ks[i], ks[j]) })
			r := rand.New(rand.NewPCG(seed, hash(rule+"\x00"+m)))
			r.Shuffle(len(ks), func(i, j int) { ks[i], ks[j] = ks[j], ks[i] })
		}
		// The module order is random too: with more modules than n, a
		// fixed order would always leave the same ones out.
		sort.Strings(mods)
		rand.New(rand.NewPCG(seed, hash(rule))).Shuffle(len(mods), func(i, j int) { mods[i], mods[j] = mods[j], mods[i] })
		taken := 0
		for round := 0; taken < n && taken < total; round++ {
			for _, m := range mods {
				if ks := byMod[m]; round < len(ks) && taken < n {
					out[ks[round]] = true
					taken++
				}
			}
		}
	}
	return out
}

func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func keyLess(a, b Key) bool {
	if a.Module != b.Module {
		return a.Module < b.Module
	}
	if a.File != b.File {
		return a.File < b.File
	}
	return a.Code < b.Code
}
