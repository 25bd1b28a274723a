package model

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

func TestCompareNamesOrder(t *testing.T) {
	want := []string{"", "a", "a01", "a1", "a2", "a10", "a10b", "b", "lock-0000000002", "lock-0000000010",
		"lock-10000000000", "node", "node9", "node10", "node0000000011", "x-1"}
	got := slices.Clone(want)
	rand.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
	slices.SortFunc(got, compareNames)
	if !slices.Equal(got, want) {
		t.Fatalf("order:\n got %q\nwant %q", got, want)
	}
}

// TestCompareNamesTotal checks that the order is a total order on random
// names mixing digits and other bytes: antisymmetric and transitive.
func TestCompareNamesTotal(t *testing.T) {
	alphabet := "0019a!~"
	names := make([]string, 300)
	for i := range names {
		b := make([]byte, rand.IntN(5))
		for j := range b {
			b[j] = alphabet[rand.IntN(len(alphabet))]
		}
		names[i] = string(b)
	}
	for _, a := range names {
		for _, b := range names {
			ab, ba := compareNames(a, b), compareNames(b, a)
			if ab != -ba || (ab == 0) != (a == b) {
				t.Fatalf("compare(%q,%q)=%d, reverse %d", a, b, ab, ba)
			}
		}
	}
	slices.SortFunc(names, compareNames)
	for i := 1; i < len(names); i++ {
		for j := i; j < len(names); j++ {
			if compareNames(names[i-1], names[j]) > 0 {
				t.Fatalf("not transitive: %q after %q", names[j], names[i-1])
			}
		}
	}
}

// flatten is the obvious row list: a pre-order walk of expanded nodes.
func flatten(s *store, id int32, out []int32) []int32 {
	out = append(out, id)
	if s.nodes[id].flags&fExpanded != 0 {
		for _, k := range s.nodes[id].kids {
			out = flatten(s, k, out)
		}
	}
	return out
}

// TestRowsMatchFlatten drives a store through random inserts, removals,
// expands and collapses and checks every row query against flatten.
func TestRowsMatchFlatten(t *testing.T) {
	s := newStore("/")
	s.rows.expand(s, 0)
	ids := []int32{0}
	live := func(id int32) bool { return s.nodes[id].flags&fFree == 0 }
	for step := 0; step < 4000; step++ {
		id := ids[rand.IntN(len(ids))]
		if !live(id) {
			continue
		}
		switch r := rand.IntN(10); {
		case r < 5:
			k, _ := s.insertChild(id, "n"+strconv.Itoa(rand.IntN(50)))
			ids = append(ids, k)
		case r < 6 && id != 0:
			s.remove(id)
		case r < 8:
			s.rows.expand(s, id)
		case r < 9 && id != 0:
			s.rows.collapse(s, id)
		default:
			var names []string
			for i := 0; i < rand.IntN(8); i++ {
				names = append(names, "m"+strconv.Itoa(rand.IntN(20)))
			}
			ids = append(ids, s.setKids(id, names)...)
		}
		if step%50 != 0 {
			continue
		}
		flat := flatten(s, 0, nil)
		if got := s.rows.count(s); got != len(flat) {
			t.Fatalf("step %d: count %d, want %d", step, got, len(flat))
		}
		for row, want := range flat {
			if got, _, ok := s.rows.at(s, row); !ok || got != want {
				t.Fatalf("step %d: at(%d) = %d, want %d (%s)", step, row, got, want, s.path(want))
			}
			if got := s.rows.rowOfPath(s, s.path(want)); got != row {
				t.Fatalf("step %d: rowOfPath(%s) = %d, want %d", step, s.path(want), got, row)
			}
			if got := s.rows.rowOf(s, want); got != row {
				t.Fatalf("step %d: rowOf(%s) = %d, want %d", step, s.path(want), got, row)
			}
			if lid, ok := s.lookup(s.path(want)); !ok || lid != want {
				t.Fatalf("lookup(%s) = %d, want %d", s.path(want), lid, want)
			}
		}
		// Walking on from any row visits the rest in order.
		start := rand.IntN(len(flat))
		id, stack, ok := s.rows.at(s, start)
		for i := start; i < len(flat); i++ {
			if !ok || id != flat[i] {
				t.Fatalf("step %d: walk from %d: row %d is %d, want %d", step, start, i, id, flat[i])
			}
			id, stack, ok = s.rows.next(s, id, stack)
		}
		if ok {
			t.Fatalf("walk went past the last row")
		}
		var desc func(int32) int32
		desc = func(id int32) int32 {
			n := int32(0)
			for _, k := range s.nodes[id].kids {
				n += 1 + desc(k)
			}
			return n
		}
		if d := desc(0); d != s.nodes[0].desc || int(d)+1 != s.live {
			t.Fatalf("descendants %d, counted %d, live %d", s.nodes[0].desc, d, s.live)
		}
	}
}

func TestStoreCompactKeepsNames(t *testing.T) {
	s := newStore("/app")
	var keep []int32
	for i := 0; i < 30000; i++ {
		id, _ := s.insertChild(0, "some-long-node-name-"+strconv.Itoa(i))
		if i%10 == 0 {
			keep = append(keep, id)
		}
	}
	for i := 0; i < 30000; i++ {
		if i%10 != 0 {
			id, ok := s.lookup("/app/some-long-node-name-" + strconv.Itoa(i))
			if !ok {
				t.Fatal("lookup failed")
			}
			s.remove(id)
		}
	}
	if s.garbage > len(s.names)/2+(1<<20) {
		t.Fatalf("arena not compacted: %d garbage of %d", s.garbage, len(s.names))
	}
	for i, id := range keep {
		want := "/app/some-long-node-name-" + strconv.Itoa(i*10)
		if got := s.path(id); got != want {
			t.Fatalf("path %q, want %q", got, want)
		}
	}
	if _, ok := s.lookup("/other"); ok {
		t.Fatal("a path outside the root resolved")
	}
}
