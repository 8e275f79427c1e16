// Package reaching checks flow.ReachingStores on variables kept in
// memory (captured by a closure, so that SSA does not lift them).
package reaching

func use(int) {}

func keep(f func()) { f() }

func straight() {
	x := 1
	keep(func() { _ = x })
	x = 2
	use(x) // want `reaching 2$`
}

func branches(c bool) {
	x := 1
	keep(func() { _ = x })
	if c {
		x = 2
	}
	use(x) // want `reaching 1 2$`
}

func declaredOnly(c bool) {
	var x int
	keep(func() { _ = x })
	if c {
		x = 3
	}
	use(x) // want `reaching 3 undefined$`
}

func loop(n int) {
	x := 0
	keep(func() { _ = x })
	for i := 0; i < n; i++ {
		use(x) // want `reaching 0 4$`
		x = 4
	}
}

func mark() {}

// fromOneBranch: only the paths from mark count, and the other branch's
// store is on none of them.
func fromOneBranch(c bool) {
	var x int
	keep(func() { _ = x })
	if c {
		mark()
		x = 5
	} else {
		x = 6
	}
	use(x) // want `reaching 5$`
}

// fromBeforeStore: a path from mark that stores nothing before the load.
func fromBeforeStore(c bool) {
	x := 7
	keep(func() { _ = x })
	mark()
	if c {
		x = 8
	}
	use(x) // want `reaching 8 undefined$`
}
