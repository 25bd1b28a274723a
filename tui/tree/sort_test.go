package tree

import (
	"slices"
	"testing"
)

func TestNaturalSort(t *testing.T) {
	in := []string{"b", "item-10", "item-9", "a", "lock-0000000010", "lock-0000000002", "item-1", "10", "9", "a01", "a1", "B"}
	sortNatural(in)
	want := []string{"9", "10", "B", "a", "a01", "a1", "b", "item-1", "item-9", "item-10", "lock-0000000002", "lock-0000000010"}
	if !slices.Equal(in, want) {
		t.Fatalf("got  %q\nwant %q", in, want)
	}
}

func TestNaturalCompareHugeNumbers(t *testing.T) {
	a, b := "n-99999999999999999999999", "n-100000000000000000000000"
	if !naturalLess(a, b) || naturalLess(b, a) {
		t.Fatal("numbers beyond int64 misordered")
	}
}

// The order must be total and antisymmetric or SortFunc may misbehave.
func TestNaturalLessAntisymmetric(t *testing.T) {
	names := []string{"", "0", "00", "a", "a0", "a00", "0a", "a-1", "a-01", "1b", "b1"}
	for _, x := range names {
		for _, y := range names {
			if x != y && naturalLess(x, y) == naturalLess(y, x) {
				t.Errorf("%q vs %q: not antisymmetric", x, y)
			}
		}
	}
}
