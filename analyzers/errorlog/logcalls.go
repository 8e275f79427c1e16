package errorlog

import (
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ssa"

	"github.com/reviewlint/reviewlint/analyzers/internal/engine/facttable"
	"github.com/reviewlint/reviewlint/analyzers/internal/engine/flow"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/crash"
	"github.com/reviewlint/reviewlint/analyzers/internal/host/funcpath"
)

// A log call is recognised by the callee's package path, receiver type and
// method, never by how the call is spelled: a renamed import, a logger in
// a struct field or behind an interface are the same call.

// logAPI says which functions or methods of a package log. recv is the
// receiver type's name ("" for package functions).
type logAPI func(recv, name string) bool

var logAPIs = map[string]logAPI{
	"log": func(recv, name string) bool {
		return (recv == "" || recv == "Logger") && hasAnyPrefix(name, "Print", "Fatal", "Panic")
	},
	"log/slog": func(recv, name string) bool {
		return (recv == "" || recv == "Logger") && isLevelName(name, "Debug", "Info", "Warn", "Error", "Log", "LogAttrs")
	},
	"testing": func(recv, name string) bool {
		return (recv == "T" || recv == "B" || recv == "F" || recv == "TB" || recv == "common") &&
			isLevelName(name, "Log", "Logf", "Error", "Errorf", "Fatal", "Fatalf")
	},
	"go.uber.org/zap": func(recv, name string) bool {
		return (recv == "Logger" || recv == "SugaredLogger") &&
			hasAnyPrefix(name, "Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal")
	},
	"github.com/rs/zerolog": func(recv, name string) bool {
		return recv == "Event" && (name == "Msg" || name == "Msgf" || name == "Send" || name == "MsgFunc")
	},
	"github.com/sirupsen/logrus": func(recv, name string) bool {
		return (recv == "" || recv == "Logger" || recv == "Entry" || recv == "FieldLogger") &&
			hasAnyPrefix(name, "Debug", "Info", "Print", "Warn", "Error", "Fatal", "Panic", "Trace", "Log")
	},
	"k8s.io/klog/v2": klogAPI,
	"k8s.io/klog":    klogAPI,
	"github.com/hashicorp/go-hclog": func(recv, name string) bool {
		return recv == "Logger" && isLevelName(name, "Trace", "Debug", "Info", "Warn", "Error", "Log")
	},
	"github.com/go-logr/logr": func(recv, name string) bool {
		return recv == "Logger" && (name == "Info" || name == "Error")
	},
	"github.com/go-kit/log":     goKitAPI,
	"github.com/go-kit/kit/log": goKitAPI,
}

func klogAPI(recv, name string) bool {
	return (recv == "" || recv == "Verbose" || recv == "Logger") &&
		hasAnyPrefix(name, "Info", "Warning", "Error", "Fatal", "Exit")
}

func goKitAPI(recv, name string) bool { return recv == "Logger" && name == "Log" }

// hasAnyPrefix reports whether s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// isLevelName reports whether name is one of names, optionally followed by
// "Context" (slog.ErrorContext).
func isLevelName(name string, names ...string) bool {
	name = strings.TrimSuffix(name, "Context")
	for _, n := range names {
		if name == n {
			return true
		}
	}
	return false
}

// isLogCall reports whether call writes a log line.
func isLogCall(call *ssa.CallCommon) bool {
	f := flow.CalleeFunc(call)
	if f == nil || f.Pkg() == nil {
		return false
	}
	if isStderrPrint(f, call) {
		return true
	}
	api, ok := logAPIs[f.Pkg().Path()]
	if !ok {
		return false
	}
	recv := ""
	if r := f.Signature().Recv(); r != nil {
		recv = flow.TypeName(r.Type())
	}
	return api(recv, f.Name())
}

// isStderrPrint reports whether call is fmt.Fprint* to os.Stderr.
func isStderrPrint(f *types.Func, call *ssa.CallCommon) bool {
	if f.Pkg().Path() != "fmt" || !strings.HasPrefix(f.Name(), "Fprint") || len(call.Args) == 0 {
		return false
	}
	w := call.Args[0]
	if mi, ok := w.(*ssa.MakeInterface); ok {
		w = mi.X
	}
	load, ok := w.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	return ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" && g.Name() == "Stderr"
}

// taint returns every value of fn computed from the seeds: conversions,
// calls taking them (err.Error(), fmt.Errorf, slog.Any, zap.Error,
// logger.WithError), and memory they were stored into (the variadic
// slice of a Printf, a struct literal).
func taint(seeds ...ssa.Value) map[ssa.Value]bool {
	return spread(func(st *ssa.Store, add func(ssa.Value)) { add(flow.MemoryRoot(st.Addr)) }, seeds...)
}

// spread returns the seeds and every value computed from them through
// referrers (a map they are put in, any value but an Alloc); a store of
// one of them is followed by throughStore.
func spread(throughStore func(st *ssa.Store, add func(ssa.Value)), seeds ...ssa.Value) map[ssa.Value]bool {
	out := map[ssa.Value]bool{}
	var work []ssa.Value
	add := func(v ssa.Value) {
		if v != nil && !out[v] {
			out[v] = true
			work = append(work, v)
		}
	}
	for _, s := range seeds {
		add(s)
	}
	for len(work) > 0 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		refs := v.Referrers()
		if refs == nil {
			continue
		}
		for _, r := range *refs {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Val == v {
					throughStore(r, add)
				}
			case *ssa.MapUpdate:
				add(r.Map)
			case ssa.Value:
				if _, isAlloc := r.(*ssa.Alloc); !isAlloc {
					add(r)
				}
			}
		}
	}
	return out
}

// carries reports whether one of call's operands (receiver included) is
// tainted.
func carries(call *ssa.CallCommon, tainted map[ssa.Value]bool) bool {
	if tainted[call.Value] {
		return true
	}
	for _, a := range call.Args {
		if tainted[a] {
			return true
		}
	}
	return false
}

// logsErrorFact summarises a function that logs: bit i of Params is set
// when its error parameter i (receiver first, for methods) is logged;
// Logger when it forwards a message or arguments to a log call (a
// project's own logf, logger.Errorf wrapper).
type logsErrorFact struct {
	Params uint64
	Logger bool
	// KV is set when the function's variadic ...any parameter is
	// forwarded as the key/value list of a structured logging call (a
	// project's Infow or logKV wrapper): the style of that list.
	KV kvStyle
}

func (*logsErrorFact) AFact()           {}
func (f *logsErrorFact) String() string { return "logsError" }

// loggingAnalyzer returns the analyzer that summarises which error parameters each function logs,
// as facts for other packages and a result for errorlog. It reports
// nothing; it is separate so that its facts are not the reporting
// analyzer's (fixtures state findings, not summaries).
func (st *settings) loggingAnalyzer() *analysis.Analyzer {
	return crash.Guard(&analysis.Analyzer{
		Name:       "errorlogsummary",
		Doc:        "summarises which error parameters each function logs",
		Requires:   []*analysis.Analyzer{buildssa.Analyzer, inspect.Analyzer},
		FactTypes:  []analysis.Fact{new(packageLogs), new(packageContracts)},
		ResultType: reflect.TypeOf((*logging)(nil)),
		Run:        st.runLogging,
	})
}

// logging maps this package's functions to the mask of error parameters
// they log, and reads other packages' facts (only this analyzer's pass
// can import them).
type logging struct {
	pass *analysis.Pass
	cfg  Config
	// logFuncs is cfg.LogFunctions compiled (on first use).
	logFuncs funcpath.Set
	logs     map[*ssa.Function]logsErrorFact
	// contracts says what each function's error result means.
	contracts map[*ssa.Function]contractFact
	// loggedAt is where a function with LoggedResult first logs.
	loggedAt map[*ssa.Function]token.Pos
	// chk finds error branches; branches caches them.
	chk      *checker
	branches map[*ssa.Function][]*errBranch
	// sites are the package's flattening fmt.Errorf calls; flatAt is,
	// per function whose contract has Flattened, the one of them its
	// error may come from, when it is in this package.
	sites  map[token.Pos]flatSite
	flatAt map[*ssa.Function]token.Pos
	// imported caches other packages' contract facts.
	imported map[*types.Func]contractFact
	// logFacts and contractFacts carry the summaries across packages.
	logFacts      *facttable.Set[logsErrorFact, *packageLogs]
	contractFacts *facttable.Set[contractFact, *packageContracts]
}

// packageLogs and packageContracts are the package facts that carry a
// package's logsErrorFacts and contractFacts.
type (
	packageLogs      struct{ facttable.Table[logsErrorFact] }
	packageContracts struct{ facttable.Table[contractFact] }
)

// AFact implements analysis.Fact.
func (*packageLogs) AFact() {}

// AFact implements analysis.Fact.
func (*packageContracts) AFact() {}

func (st *settings) runLogging(pass *analysis.Pass) (any, error) {
	s := &logging{pass: pass, cfg: st.cfg, logs: map[*ssa.Function]logsErrorFact{}, contracts: map[*ssa.Function]contractFact{},
		loggedAt: map[*ssa.Function]token.Pos{}, branches: map[*ssa.Function][]*errBranch{}, imported: map[*types.Func]contractFact{},
		logFacts:      facttable.New[logsErrorFact](pass, func() *packageLogs { return new(packageLogs) }),
		contractFacts: facttable.New[contractFact](pass, func() *packageContracts { return new(packageContracts) })}
	s.chk = newChecker(pass, s)
	s.sites, s.flatAt = s.chk.flatSites(), map[*ssa.Function]token.Pos{}
	s.summarize(sourceFuncs(pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)))
	if err := s.logFacts.Flush(); err != nil {
		return nil, err
	}
	if err := s.contractFacts.Flush(); err != nil {
		return nil, err
	}
	return s, nil
}

// logsTainted reports whether call is a log call, or a call of a function
// known to log its error parameter, that carries a tainted value.
func (s *logging) logsTainted(call *ssa.CallCommon, tainted map[ssa.Value]bool) bool {
	if s.isLog(call) {
		return carries(call, tainted)
	}
	m := s.summary(call).Params
	for i, a := range call.Args {
		if i < 64 && m&(1<<i) != 0 && tainted[a] {
			return true
		}
	}
	return false
}

// isLog reports whether call writes a log line: a known logging API, a
// function named in the configuration, or a project's wrapper of either.
func (s *logging) isLog(call *ssa.CallCommon) bool {
	return isLogCall(call) || s.configured(call) || s.summary(call).Logger
}

// configured reports whether the callee is one of Config.LogFunctions.
func (s *logging) configured(call *ssa.CallCommon) bool {
	if len(s.cfg.LogFunctions) == 0 {
		return false
	}
	if s.logFuncs == nil {
		s.logFuncs = funcpath.Compile(s.cfg.LogFunctions)
	}
	return s.logFuncs.Has(flow.CalleeFunc(call))
}

// summary returns what the callee logs, from this package's summaries or
// another package's facts.
func (s *logging) summary(call *ssa.CallCommon) logsErrorFact {
	fn := call.StaticCallee()
	if fn == nil {
		return logsErrorFact{}
	}
	if m, ok := s.logs[fn]; ok {
		return m
	}
	if obj, ok := fn.Object().(*types.Func); ok && obj.Pkg() != s.pass.Pkg {
		if f, ok := s.logFacts.Import(obj); ok {
			return f
		}
	}
	return logsErrorFact{}
}

// summarize computes which error parameters each function logs, to a
// fixed point (helpers calling helpers), and exports the facts.
func (s *logging) summarize(funcs []*ssa.Function) {
	funcs = calleesFirst(funcs)
	for changed, round := true, 0; changed && round < 4; round++ {
		changed = false
		for _, fn := range funcs {
			m := s.summarizeFunc(fn)
			if m != s.logs[fn] {
				s.logs[fn] = m
				changed = true
			}
			k := s.summarizeContract(fn)
			if k != s.contracts[fn] {
				s.contracts[fn] = k
				changed = true
			}
		}
	}
	for _, fn := range funcs {
		obj, ok := fn.Object().(*types.Func)
		if m := s.logs[fn]; m != (logsErrorFact{}) && ok && obj.Pkg() == s.pass.Pkg {
			s.logFacts.Export(obj, &m)
		}
	}
	s.exportContracts(funcs)
}

// calleesFirst orders funcs so that a function comes after the functions
// it calls statically: one round then summarises a chain of helpers of
// any depth (prometheus chunkenc's Appender sits six calls above its
// byte reader), and the capped rounds are left to recursion.
func calleesFirst(funcs []*ssa.Function) []*ssa.Function {
	in := make(map[*ssa.Function]bool, len(funcs))
	for _, fn := range funcs {
		in[fn] = true
	}
	seen := make(map[*ssa.Function]bool, len(funcs))
	order := make([]*ssa.Function, 0, len(funcs))
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		if seen[fn] {
			return
		}
		seen[fn] = true
		for _, b := range fn.Blocks {
			for _, ins := range b.Instrs {
				if call, ok := ins.(ssa.CallInstruction); ok {
					if f := call.Common().StaticCallee(); f != nil && in[f] {
						visit(f)
					}
				}
			}
		}
		order = append(order, fn)
	}
	for _, fn := range funcs {
		visit(fn)
	}
	return order
}

// summarizeFunc computes which of fn's error parameters reach a log call,
// and whether its message or arguments do.
func (s *logging) summarizeFunc(fn *ssa.Function) logsErrorFact {
	var m logsErrorFact
	for i, p := range fn.Params {
		if i >= 64 {
			break
		}
		switch {
		case isErrorType(p.Type()):
			tainted := taint(p)
			if anyCall(fn, func(call *ssa.CallCommon) bool { return s.logsTainted(call, tainted) }) {
				m.Params |= 1 << i
			}
		case isMessageParam(fn, i):
			tainted := taint(p)
			if anyCall(fn, func(call *ssa.CallCommon) bool { return s.isLog(call) && carries(call, tainted) }) {
				m.Logger = true
			}
		}
	}
	m.KV = s.forwardedKV(fn)
	return m
}

// isMessageParam reports whether parameter i of fn is a message: a string,
// or the variadic ...any of a printf-like wrapper.
func isMessageParam(fn *ssa.Function, i int) bool {
	t := fn.Params[i].Type()
	if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.String {
		return true
	}
	sl, ok := t.(*types.Slice)
	return ok && fn.Signature.Variadic() && i == len(fn.Params)-1 && types.IsInterface(sl.Elem())
}

// anyCall reports whether pred holds for a call in fn.
func anyCall(fn *ssa.Function, pred func(*ssa.CallCommon) bool) bool {
	for _, b := range fn.Blocks {
		for _, ins := range b.Instrs {
			if call, ok := ins.(ssa.CallInstruction); ok && pred(call.Common()) {
				return true
			}
		}
	}
	return false
}
