package admin

import (
	"strconv"
	"strings"
)

// Helpers shared by the text parsers. The four-letter words answer in
// lines; Java may end them with \r\n on some platforms, so lines are trimmed
// of \r.

func splitLines(b []byte) []string {
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// parseHex reads a 64-bit value printed by Long.toHexString, with or
// without 0x. Session ids and zxids use all 64 bits (a server id of 128+
// sets the sign bit), so it parses unsigned and reinterprets.
func parseHex(s string) (int64, error) {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
	u, err := strconv.ParseUint(s, 16, 64)
	return int64(u), err
}

func parseInt(s string) (int64, error) { return strconv.ParseInt(strings.TrimSpace(s), 10, 64) }

func parseFloat(s string) (float64, error) {
	return strconv.ParseFloat(strings.TrimSpace(s), 64)
}

// parseTriple reads "a/b/c" as three numbers (latency min/avg/max).
func parseTriple(s string) (a, b, c float64, ok bool) {
	parts := strings.Split(strings.TrimSpace(s), "/")
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	var v [3]float64
	for i, p := range parts {
		f, err := parseFloat(p)
		if err != nil {
			return 0, 0, 0, false
		}
		v[i] = f
	}
	return v[0], v[1], v[2], true
}
