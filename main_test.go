package main

import (
	"bytes"
	"net"
	"strings"
	"testing"
)

func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestHelpAndVersion(t *testing.T) {
	code, out, _ := runArgs(t, "--help")
	if code != 0 || !strings.Contains(out, "--server") || !strings.Contains(out, "zkui demo") {
		t.Fatalf("--help: %d %q", code, out)
	}
	code, out, _ = runArgs(t, "--version")
	if code != 0 || !strings.HasPrefix(out, "zkui ") {
		t.Fatalf("--version: %d %q", code, out)
	}
	code, out, _ = runArgs(t, "demo", "--help")
	if code != 0 || !strings.Contains(out, "--serve") {
		t.Fatalf("demo --help: %d %q", code, out)
	}
}

func TestBadFlagsGiveOneLine(t *testing.T) {
	for _, args := range [][]string{
		{"--bogus"},
		{"--auth", "nocolon"},
		{"--session-timeout", "-1s"},
		{"--tls-cert", "c.pem"},
		{"--admin-port", "0"},
		{"extra"},
	} {
		code, out, errText := runArgs(t, append(args, "--log", t.TempDir()+"/log")...)
		if code != 2 || out != "" || errText == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errText)
		}
		if strings.Contains(errText, "goroutine ") {
			t.Errorf("%v: stack trace on stderr", args)
		}
	}
}

func TestAuthIsNeverEchoed(t *testing.T) {
	_, _, errText := runArgs(t, "--auth", "digest-hunter2", "--log", t.TempDir()+"/log")
	if strings.Contains(errText, "hunter2") {
		t.Fatalf("credential echoed: %q", errText)
	}
}

func TestUnreachableEnsembleIsOneClearLine(t *testing.T) {
	// A port that was just free: nothing listens there.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	code, _, errText := runArgs(t, "--server", addr, "--session-timeout", "2s", "--auth", "digest:u:secretpw", "--log", t.TempDir()+"/log")
	lines := strings.Split(strings.TrimSpace(errText), "\n")
	if code != 1 || len(lines) != 1 || !strings.Contains(errText, "cannot connect to "+addr) {
		t.Fatalf("exit %d, stderr %q", code, errText)
	}
	if strings.Contains(errText, "secretpw") {
		t.Fatalf("credential in the error: %q", errText)
	}
}
