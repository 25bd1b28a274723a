package dialog

import "strings"

// diffLine is one line of a line diff: ' ' kept, '-' only in a, '+' only
// in b.
type diffLine struct {
	op   byte
	text string
}

// maxDiffLines bounds the quadratic diff: beyond it the two values are
// shown as removed and added wholesale, which is still correct.
const maxDiffLines = 2000

// diff compares two texts line by line (longest common subsequence).
func diff(a, b string) []diffLine {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(al)*len(bl) > maxDiffLines*maxDiffLines/4 {
		var out []diffLine
		for _, l := range al {
			out = append(out, diffLine{'-', l})
		}
		for _, l := range bl {
			out = append(out, diffLine{'+', l})
		}
		return out
	}
	// lcs[i][j] is the LCS length of al[i:] and bl[j:].
	lcs := make([][]int, len(al)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(bl)+1)
	}
	for i := len(al) - 1; i >= 0; i-- {
		for j := len(bl) - 1; j >= 0; j-- {
			if al[i] == bl[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []diffLine
	i, j := 0, 0
	for i < len(al) || j < len(bl) {
		switch {
		case i < len(al) && j < len(bl) && al[i] == bl[j]:
			out = append(out, diffLine{' ', al[i]})
			i, j = i+1, j+1
		case i < len(al) && (j == len(bl) || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, diffLine{'-', al[i]})
			i++
		default:
			out = append(out, diffLine{'+', bl[j]})
			j++
		}
	}
	return out
}

// splitLines splits a rendered block into at most h lines.
func splitLines(s string, h int) []string {
	ls := strings.Split(s, "\n")
	if len(ls) > h {
		ls = ls[:h]
	}
	return ls
}

func joinLines(ls []string) string { return strings.Join(ls, "\n") }

// clean makes a line of a value safe to draw: tabs become spaces and other
// control characters a visible placeholder, so widths stay exact.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case r < 0x20 || r == 0x7f:
			return '·'
		}
		return r
	}, s)
}
