package oplog

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/zkui/zkui/tui/common"
	"github.com/zkui/zkui/zk"
)

func TestViewListsNewestThatFit(t *testing.T) {
	com := common.New(nil)
	com.Location = time.UTC
	log := zk.NewOpLog(100)
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for i := range 10 {
		log.Record(zk.OpRecord{Start: start, Op: "getData", Path: "/n" + string(rune('0'+i)), Duration: 1500 * time.Microsecond, Sent: true})
	}
	log.Record(zk.OpRecord{Start: start, Op: "setData", Path: "/x", Code: zk.CodeBadVersion, Err: zk.ErrBadVersion, Sent: true, Write: true, Duration: 2 * time.Millisecond})
	log.Record(zk.OpRecord{Start: start, Op: "delete", Path: "/y", Err: errors.New("read-only"), Write: true})
	m := New(com, log)
	m.SetSize(90, 5)
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		if ansi.StringWidth(l) != 90 {
			t.Fatalf("line %q is not 90 wide", l)
		}
	}
	if !strings.Contains(lines[0], "12 sent") || !strings.Contains(lines[2], "/n9") ||
		!strings.Contains(lines[3], "setData*") || !strings.Contains(lines[3], "03:04:05") || !strings.Contains(lines[3], "2.0ms") ||
		!strings.Contains(lines[4], "not sent") {
		t.Fatalf("view:\n%s", strings.Join(lines, "\n"))
	}
}
