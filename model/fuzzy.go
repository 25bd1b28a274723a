package model

// Scoring of a fuzzy match: every query character must appear in order in
// the target (case-insensitively); runs of consecutive characters and
// characters at the start of a word score more, gaps cost a little, so
// that "brkr" ranks "/brokers" above "/big/rack/er".
const (
	scoreChar        = 16
	bonusConsecutive = 24
	bonusWordStart   = 20
	bonusFirstChar   = 12
	penaltyGap       = 1
	penaltyLeading   = 1
	maxLeading       = 12
)

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isWordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	switch s[i-1] {
	case '/', '-', '_', '.', ' ', ':':
		return true
	}
	// camelCase boundary
	return s[i] >= 'A' && s[i] <= 'Z' && s[i-1] >= 'a' && s[i-1] <= 'z'
}

// fuzzyMatch scores query against target; ok is false when the characters
// of query do not all appear in order. pos, if not nil, receives the byte
// offsets matched. It is greedy with one refinement: each query character
// prefers a word start or the position right after the previous match
// when one is found before the next occurrence would be needed.
func fuzzyMatch(query, target string, pos []int) (score int, ok bool, out []int) {
	if query == "" {
		return 0, true, pos
	}
	// Quick rejection: a plain subsequence scan.
	qi := 0
	for i := 0; i < len(target) && qi < len(query); i++ {
		if lower(target[i]) == lower(query[qi]) {
			qi++
		}
	}
	if qi < len(query) {
		return 0, false, pos
	}
	prev := -1
	ti := 0
	for qi = 0; qi < len(query); qi++ {
		qc := lower(query[qi])
		// First occurrence from ti, and a better one (word start) before
		// the remaining query would stop fitting.
		first := -1
		best := -1
		for i := ti; i < len(target); i++ {
			if lower(target[i]) != qc {
				continue
			}
			if first < 0 {
				first = i
				if i == prev+1 && prev >= 0 {
					best = i
					break
				}
			}
			if isWordStart(target, i) && fits(query[qi+1:], target[i+1:]) {
				best = i
				break
			}
		}
		if best < 0 {
			best = first
		}
		score += scoreChar
		switch {
		case prev >= 0 && best == prev+1:
			score += bonusConsecutive
		case prev >= 0:
			score -= penaltyGap * (best - prev - 1)
		default:
			score -= penaltyLeading * min(best, maxLeading)
		}
		if isWordStart(target, best) {
			score += bonusWordStart
			if qi == 0 {
				score += bonusFirstChar
			}
		}
		pos = append(pos, best)
		prev = best
		ti = best + 1
	}
	// Shorter targets win ties.
	score -= len(target) / 8
	return score, true, pos
}

// fits reports whether query is a subsequence of target.
func fits(query, target string) bool {
	qi := 0
	for i := 0; i < len(target) && qi < len(query); i++ {
		if lower(target[i]) == lower(query[qi]) {
			qi++
		}
	}
	return qi == len(query)
}

// substringMatch finds query in target case-insensitively.
func substringMatch(query, target string, pos []int) (score int, ok bool, out []int) {
	n := len(query)
	for i := 0; i+n <= len(target); i++ {
		j := 0
		for j < n && lower(target[i+j]) == lower(query[j]) {
			j++
		}
		if j < n {
			continue
		}
		score = n*scoreChar + (n-1)*bonusConsecutive - min(i, maxLeading) - len(target)/8
		if isWordStart(target, i) {
			score += bonusWordStart + bonusFirstChar
		}
		for k := 0; k < n; k++ {
			pos = append(pos, i+k)
		}
		return score, true, pos
	}
	return 0, false, pos
}
