package recipe

import (
	"crypto/rand"
	"encoding/hex"
	"path"
	"slices"
	"strconv"
	"strings"
)

// protectedPrefix starts every sequential node a recipe creates; the GUID
// after it lets the creator find its node after a lost reply. Curator uses
// the same shape, so tools that know it recognise ours.
const protectedPrefix = "_c_"

// seqDigits is the width of the counter the server appends to sequential
// names.
const seqDigits = 10

// newGUID returns 32 random hex digits.
func newGUID() string {
	var b [16]byte
	rand.Read(b[:]) // never fails (crypto/rand panics rather than return short)
	return hex.EncodeToString(b[:])
}

// protectedName is the name to create sequentially under a parent:
// "_c_<guid>-<prefix>".
func protectedName(guid, prefix string) string {
	return protectedPrefix + guid + "-" + prefix
}

// hasGUID reports whether name was created with guid.
func hasGUID(name, guid string) bool {
	return strings.HasPrefix(name, protectedPrefix+guid+"-")
}

// sequence returns the counter the server appended to a sequential name,
// and false when name does not end in one.
func sequence(name string) (int64, bool) {
	if len(name) < seqDigits {
		return 0, false
	}
	digits := name[len(name)-seqDigits:]
	// The counter is a signed 32-bit value printed with %010d; after it
	// wraps it reads "-000000001", so a leading minus is allowed.
	if digits[0] == '+' {
		return 0, false
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return 0, false
	}
	return n, true
}

// sortBySequence orders the names of a recipe's directory by their
// counters, so the protected GUIDs in front do not decide the order. Names
// without a counter (not ours) sort last, by name.
func sortBySequence(names []string) {
	slices.SortStableFunc(names, func(a, b string) int {
		na, oka := sequence(a)
		nb, okb := sequence(b)
		switch {
		case oka && okb && na != nb:
			if na < nb {
				return -1
			}
			return 1
		case oka != okb:
			if oka {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
}

// withPrefix keeps the names that contain the recipe's prefix right before
// their counter, so foreign nodes in a shared directory are ignored.
func withPrefix(names []string, prefix string) []string {
	out := names[:0:0]
	for _, n := range names {
		if _, ok := sequence(n); !ok {
			continue
		}
		if strings.HasSuffix(n[:len(n)-seqDigits], prefix) {
			out = append(out, n)
		}
	}
	return out
}

// join is path.Join for ZooKeeper paths, where the root is "/".
func join(dir, name string) string { return path.Join(dir, name) }
