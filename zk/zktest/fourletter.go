package zktest

import (
	"context"
	"fmt"
	"io"
	"net"
	"strings"
	"time"
)

// fourLetterTimeout bounds one four-letter-word exchange when ctx has no
// earlier deadline, so a wedged server cannot hang a poll loop.
const fourLetterTimeout = 5 * time.Second

// FourLetter sends a four-letter word (ruok, srvr, mntr...) to a client port
// and returns the server's whole answer; on an error it returns what arrived
// before it. A word that is not whitelisted is
// answered with "... is not executed because it is not in the whitelist.",
// which is returned as text, not as an error.
func FourLetter(ctx context.Context, addr, word string) (string, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	return exchange(ctx, conn, word)
}

// exchange writes word on conn and reads until the server closes it.
func exchange(ctx context.Context, conn net.Conn, word string) (string, error) {
	deadline := time.Now().Add(fourLetterTimeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	conn.SetDeadline(deadline)
	// Close the connection if ctx ends first: that unblocks the read.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	if _, err := io.WriteString(conn, word); err != nil {
		return "", fmt.Errorf("zktest: %s to %s: %w", word, conn.RemoteAddr(), err)
	}
	b, err := io.ReadAll(conn)
	if err != nil {
		return string(b), fmt.Errorf("zktest: %s from %s: %w", word, conn.RemoteAddr(), err)
	}
	return string(b), nil
}

// Mode returns the "Mode:" value of a srvr answer (standalone, leader,
// follower, observer) or "" when the server is not serving clients yet.
func Mode(srvr string) string {
	for line := range strings.Lines(srvr) {
		if v, ok := strings.CutPrefix(line, "Mode:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// probeTimeout bounds each exchange of a readiness probe. While a server
// starts, ZooKeeper 3.8 answers ruok but can fail to close the socket (a
// NullPointerException in its cleanup), so a probe must not wait for EOF long.
const probeTimeout = time.Second

// serving reports whether the server at addr is alive and serves clients:
// ruok says imok (or is refused by the whitelist, which still proves a live
// server) and srvr reports a mode. It returns the mode.
func serving(ctx context.Context, addr string) (string, error) {
	pctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	ok, err := FourLetter(pctx, addr, "ruok")
	if err != nil && ok != "imok" {
		return "", err
	}
	pctx, cancel = context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	if ok != "imok" && !strings.Contains(ok, "whitelist") {
		return "", fmt.Errorf("zktest: ruok from %s answered %q", addr, ok)
	}
	srvr, err := FourLetter(pctx, addr, "srvr")
	if err != nil {
		return "", err
	}
	mode := Mode(srvr)
	if mode == "" {
		return "", fmt.Errorf("zktest: %s not serving: %s", addr, strings.TrimSpace(srvr))
	}
	return mode, nil
}
