package model

// compareNames orders sibling names the way people expect: runs of digits
// compare by their numeric value ("node2" before "node10"), so sequential
// nodes sort in counter order even past the ten padded digits, and ties
// (e.g. "a01" and "a1") fall back to plain byte order so that the order is
// total and stable, which binary search over children needs.
//
// It is a total order: each name maps to a sequence of tokens (single
// non-digit bytes and whole digit runs); a digit run compares with a
// non-digit byte as its first digit does, so every digit run sits at the
// same place relative to any given byte.
func compareNames(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ca, cb := a[i], b[j]
		if isDigit(ca) && isDigit(cb) {
			// Compare the two digit runs by value: skip leading zeros, then
			// the longer run is larger, then the first differing digit.
			si, sj := i, j
			for si < len(a) && a[si] == '0' {
				si++
			}
			for sj < len(b) && b[sj] == '0' {
				sj++
			}
			ei, ej := si, sj
			for ei < len(a) && isDigit(a[ei]) {
				ei++
			}
			for ej < len(b) && isDigit(b[ej]) {
				ej++
			}
			if c := cmpInt(ei-si, ej-sj); c != 0 {
				return c
			}
			for k := 0; k < ei-si; k++ {
				if a[si+k] != b[sj+k] {
					return cmpInt(int(a[si+k]), int(b[sj+k]))
				}
			}
			i, j = ei, ej
			continue
		}
		if ca != cb {
			return cmpInt(int(ca), int(cb))
		}
		i++
		j++
	}
	if c := cmpInt(len(a)-i, len(b)-j); c != 0 {
		return c
	}
	// Equal as numbers and text: fall back to bytes so "a01" != "a1".
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
