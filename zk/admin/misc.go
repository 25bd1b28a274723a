package admin

import (
	"strings"
)

// Dirs are the sizes of the snapshot and transaction-log directories, from
// dirs (or the AdminServer's dirs).
type Dirs struct {
	DataDirSize int64 // datadir_size, bytes
	LogDirSize  int64 // logdir_size, bytes
}

// parseDirs parses the answer of dirs: "datadir_size: N" and
// "logdir_size: N".
func parseDirs(b []byte) (*Dirs, error) {
	d := &Dirs{}
	seen := 0
	for i, line := range splitLines(b) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return nil, parseErr("dirs", i+1, "no colon in %q", line)
		}
		var dst *int64
		switch strings.TrimSpace(k) {
		case "datadir_size":
			dst = &d.DataDirSize
		case "logdir_size":
			dst = &d.LogDirSize
		default:
			continue
		}
		x, err := parseInt(v)
		if err != nil {
			return nil, parseErr("dirs", i+1, "%s: %v", k, err)
		}
		*dst = x
		seen++
	}
	if seen == 0 {
		return nil, parseErr("dirs", 0, "no datadir_size or logdir_size line")
	}
	return d, nil
}

// parseIsro parses the answer of isro: "ro" on a read-only server, "rw"
// otherwise.
func parseIsro(b []byte) (bool, error) {
	switch strings.TrimSpace(string(b)) {
	case "ro":
		return true, nil
	case "rw":
		return false, nil
	}
	return false, parseErr("isro", 0, "want ro or rw, got %.40q", b)
}

// parseRuok parses the answer of ruok: "imok" when the server runs. A
// server in error answers nothing at all.
func parseRuok(b []byte) (bool, error) {
	if strings.TrimSpace(string(b)) == "imok" {
		return true, nil
	}
	return false, parseErr("ruok", 0, "want imok, got %.40q", b)
}

// parseReset checks the answer of crst ("Connection stats reset.") or
// srst ("Server stats reset.").
func parseReset(cmd string, b []byte) error {
	if strings.HasSuffix(strings.TrimSpace(string(b)), "reset.") {
		return nil
	}
	return parseErr(cmd, 0, "want \"... reset.\", got %.40q", b)
}
