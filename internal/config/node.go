package config

import (
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// entry is one key: value pair of a mapping, as written.
type entry struct {
	name  string
	key   ast.Node
	value ast.Node
}

// maxAliasHops bounds alias resolution, so a malicious file cannot make
// the loader spin.
const maxAliasHops = 100

// anchorsIn maps each anchor name in n to the node it anchors.
func anchorsIn(n ast.Node) map[string]ast.Node {
	anchors := map[string]ast.Node{}
	for _, a := range ast.Filter(ast.AnchorType, n) {
		if a, ok := a.(*ast.AnchorNode); ok && a.Name != nil {
			anchors[a.Name.GetToken().Value] = a.Value
		}
	}
	return anchors
}

// resolve looks through anchors, tags and aliases to the node that holds
// the value. key names where n is, for an unknown alias.
func (l *loader) resolve(n ast.Node, key string) (ast.Node, error) {
	for range maxAliasHops {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		case *ast.AliasNode:
			name := v.Value.GetToken().Value
			target, ok := l.anchors[name]
			if !ok {
				return nil, l.errAt(v, key, "unknown alias %q", name)
			}
			n = target
		default:
			return n, nil
		}
	}
	return nil, l.errAt(n, key, "aliases nest more than %d deep", maxAliasHops)
}

// unwrap looks through anchors, tags and explicit keys ("? key") but not
// aliases, for walks that visit each written node once.
func unwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		case *ast.MappingKeyNode:
			n = v.Value
		default:
			return n
		}
	}
}

// mapping returns the entries of the map n, with an error saying what was
// wanted if n is not a map. Null is an empty map: "settings:" with nothing
// under it is fine.
func (l *loader) mapping(n ast.Node, key, want string) ([]entry, error) {
	v, err := l.resolve(n, key)
	if err != nil {
		return nil, err
	}
	var pairs []*ast.MappingValueNode
	switch m := v.(type) {
	case nil, *ast.NullNode:
		return nil, nil
	case *ast.MappingNode:
		pairs = m.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{m}
	default:
		return nil, l.errAt(n, key, "want %s, got %s", want, kindOf(v))
	}
	entries := make([]entry, 0, len(pairs))
	for _, kv := range pairs {
		entries = append(entries, entry{name: keyName(kv.Key), key: kv.Key, value: kv.Value})
	}
	return entries, l.noDuplicates(entries, key, func(s string) string { return s })
}

// noDuplicates rejects a key that appears twice among entries, comparing
// keys after norm. The parser could do this, but without the key path.
func (l *loader) noDuplicates(entries []entry, key string, norm func(string) string) error {
	seen := map[string]entry{}
	for _, e := range entries {
		k := norm(e.name)
		if first, ok := seen[k]; ok {
			line, _ := position(first.key)
			return l.errAt(e.key, key, "duplicate key %q (already set on line %d)", e.name, line)
		}
		seen[k] = e
	}
	return nil
}

// keyName returns the text of a mapping key.
func keyName(k ast.Node) string {
	switch v := unwrap(k).(type) {
	case *ast.StringNode:
		return v.Value
	case *ast.MappingNode, *ast.SequenceNode:
		return v.String()
	case nil:
		return ""
	default:
		return v.GetToken().Value
	}
}

// text returns the string a scalar node holds.
func text(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		return v.Value.Value, true
	}
	return "", false
}

// isNull reports whether a resolved node holds no value.
func isNull(n ast.Node) bool {
	return n == nil || n.Type() == ast.NullType
}

// pointAt returns the node an error about e's value should point at: the
// value, or the key when the value is empty and so has no text to point at.
func pointAt(e entry, resolved ast.Node) ast.Node {
	if isNull(resolved) {
		return e.key
	}
	return e.value
}

// itemAt returns the node an error about item i of seq should point at:
// the item, or its "-" when the item is empty and so has no text.
func itemAt(seq *ast.SequenceNode, i int, resolved ast.Node) ast.Node {
	if isNull(resolved) && i < len(seq.Entries) {
		return seq.Entries[i]
	}
	return seq.Values[i]
}

// kindOf describes a resolved node's type in the words a YAML author uses.
func kindOf(n ast.Node) string {
	if n == nil {
		return "null"
	}
	return kindOfType(n.Type())
}

// kindOfType describes a YAML node type.
func kindOfType(t ast.NodeType) string {
	switch t {
	case ast.NullType:
		return "null"
	case ast.BoolType:
		return "a boolean"
	case ast.IntegerType:
		return "an integer"
	case ast.FloatType, ast.InfinityType, ast.NanType:
		return "a number"
	case ast.StringType, ast.LiteralType:
		return "a string"
	case ast.MappingType, ast.MappingValueType:
		return "a map"
	case ast.SequenceType:
		return "a list"
	}
	return strings.ToLower(t.String())
}

// position returns where n starts, 1-based. A block mapping's own token is
// its first colon, so it is placed at its first key instead.
func position(n ast.Node) (line, col int) {
	switch v := n.(type) {
	case nil:
		return 0, 0
	case *ast.MappingNode:
		if !v.IsFlowStyle && len(v.Values) > 0 {
			return position(v.Values[0].Key)
		}
	case *ast.MappingValueNode:
		return position(v.Key)
	}
	if tk := n.GetToken(); tk != nil {
		return tokenPos(tk)
	}
	return 0, 0
}

// spot is a node found by its token, with the key path that names it.
type spot struct {
	node ast.Node
	key  string
}

// locate finds the node below n (at key path key) that starts at token tk:
// decoder errors carry only a token, and errors here name a key path.
func locate(n ast.Node, key string, tk *token.Token) (spot, bool) {
	for n != nil {
		if n.GetToken() == tk {
			return spot{n, key}, true
		}
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
			continue
		case *ast.TagNode:
			n = v.Value
			continue
		case *ast.MappingNode:
			for _, kv := range v.Values {
				if s, ok := locateEntry(kv, key, tk); ok {
					return s, true
				}
			}
		case *ast.MappingValueNode:
			return locateEntry(v, key, tk)
		case *ast.SequenceNode:
			for i, item := range v.Values {
				if s, ok := locate(item, key+"["+strconv.Itoa(i)+"]", tk); ok {
					return s, true
				}
			}
		}
		break
	}
	return spot{}, false
}

// locateEntry is locate for one key: value pair; a token of the key or its
// colon is reported at the key, under the mapping's path.
func locateEntry(kv *ast.MappingValueNode, key string, tk *token.Token) (spot, bool) {
	if kv.Key.GetToken() == tk || kv.GetToken() == tk {
		return spot{kv.Key, key}, true
	}
	return locate(kv.Value, key+"."+keyName(kv.Key), tk)
}

// nodeAt follows path ("kinds[0].release", "log-functions[2]") down from
// n and returns the node it names, or the deepest node on the way that
// exists (an absent key points at the map that lacks it).
func (l *loader) nodeAt(n ast.Node, path string) ast.Node {
	for _, seg := range strings.Split(path, ".") {
		name, rest, _ := strings.Cut(seg, "[")
		if name != "" {
			next := l.entryValue(n, name)
			if next == nil {
				return n
			}
			n = next
		}
		for rest != "" {
			idx, after, ok := strings.Cut(rest, "]")
			i, err := strconv.Atoi(idx)
			v, _ := l.resolve(n, "")
			seq, isSeq := v.(*ast.SequenceNode)
			if !ok || err != nil || !isSeq || i < 0 || i >= len(seq.Values) {
				return n
			}
			n = itemAt(seq, i, unwrap(seq.Values[i]))
			rest = strings.TrimPrefix(after, "[")
		}
	}
	return n
}

// entryValue returns the value of key name in the map n, or nil.
func (l *loader) entryValue(n ast.Node, name string) ast.Node {
	entries, err := l.mapping(n, "", "a map")
	if err != nil {
		return nil
	}
	for _, e := range entries {
		if e.name == name {
			return e.value
		}
	}
	return nil
}
