package bad

var results []int

func work(i int) int { return i * i }

// fanOut: goroutines started in a loop append to a global slice.
func fanOut(n int) {
	for i := 0; i < n; i++ {
		go func() {
			results = append(results, work(i)) // want `package-level slice results is written in the goroutine started at line 10`
		}()
	}
}

var processed int

// background: a goroutine counts while the caller reads the counter.
func background(jobs []int) int {
	go func() {
		for range jobs {
			processed++ // want `package-level counter processed is written in the goroutine`
		}
	}()
	return processed
}

var index = map[int]bool{}

// indexer is started with go and writes a map the package reads elsewhere.
func indexer(ids []int) {
	for _, id := range ids {
		index[id] = true // want `package-level map index is written in the goroutine started at line 38`
	}
}

func startIndexer(ids []int) bool {
	go indexer(ids)
	return index[0]
}

var pending = 10

// drain: a goroutine decrements a global the spawner polls.
func drain() int {
	go func() {
		pending -= 1 // want `package-level counter pending is written in the goroutine`
	}()
	return pending
}
