package tree

import (
	"slices"
	"strings"
)

// naturalLess orders names the way people read them: runs of digits compare
// by value, so "item-9" < "item-10" and sequential nodes ("lock-0000000010")
// stay in creation order even when their prefixes differ in length.
func naturalLess(a, b string) bool {
	if c := naturalCompare(a, b); c != 0 {
		return c < 0
	}
	return a < b // equal by value ("01" vs "1"): keep a stable, total order
}

func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := isDigit(a[0]), isDigit(b[0])
		switch {
		case da && db:
			na, ra := digitRun(a)
			nb, rb := digitRun(b)
			if c := compareNumbers(na, nb); c != 0 {
				return c
			}
			a, b = ra, rb
		case da != db:
			// Digits sort before letters, as in plain byte order.
			if da {
				return -1
			}
			return 1
		default:
			ta, ra := textRun(a)
			tb, rb := textRun(b)
			if c := strings.Compare(ta, tb); c != 0 {
				return c
			}
			a, b = ra, rb
		}
	}
	return len(a) - len(b)
}

// compareNumbers compares two digit strings by value without parsing, so
// numbers longer than any integer type still order correctly.
func compareNumbers(a, b string) int {
	a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitRun(s string) (run, rest string) {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return s[:i], s[i:]
}

func textRun(s string) (run, rest string) {
	i := 0
	for i < len(s) && !isDigit(s[i]) {
		i++
	}
	return s[:i], s[i:]
}

// sortNatural sorts names in place in natural order.
func sortNatural(names []string) {
	slices.SortFunc(names, func(a, b string) int {
		if naturalLess(a, b) {
			return -1
		}
		if naturalLess(b, a) {
			return 1
		}
		return 0
	})
}
