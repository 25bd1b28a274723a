package detail

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/zkui/zkui/tui/common"
	"github.com/zkui/zkui/zk"
)

func newModel(w, h int) Model {
	com := common.New(nil)
	com.Now = func() time.Time { return time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC) }
	com.Location = time.UTC
	m := New(com)
	m.SetSize(w, h)
	return m
}

func screen(t *testing.T, m Model, w, h int) string {
	t.Helper()
	v := m.View()
	lines := strings.Split(v, "\n")
	if len(lines) != h {
		t.Fatalf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if ansi.StringWidth(l) != w {
			t.Fatalf("line %d width %d, want %d: %q", i, ansi.StringWidth(l), w, ansi.Strip(l))
		}
	}
	return ansi.Strip(v)
}

func TestRedactedDigestNote(t *testing.T) {
	m := newModel(70, 14)
	m.SetNode(Node{Path: "/n", ACL: []zk.ACL{
		{Perms: zk.PermAll, Scheme: "digest", ID: "u:x"},
		{Perms: zk.PermRead, Scheme: "world", ID: "anyone"},
	}})
	m.SetTab(TabACL)
	s := screen(t, m, 70, 14)
	for _, want := range []string{"digest  u:x     rwcda", "world   anyone  r----", "redacted by the server", "lacks ADMIN"} {
		if !strings.Contains(s, want) {
			t.Errorf("ACL tab lacks %q:\n%s", want, s)
		}
	}
}

func TestNoAuthTells(t *testing.T) {
	m := newModel(70, 12)
	m.SetNode(Node{Path: "/s", DataErr: zk.ErrNoAuth, ACLErr: zk.ErrNoAuth})
	for _, tab := range []Tab{TabData, TabStat, TabACL} {
		m.SetTab(tab)
		s := screen(t, m, 70, 12)
		if !strings.Contains(s, "NoAuth") || !strings.Contains(s, "--auth digest:user:pass") {
			t.Errorf("%v tab does not explain NoAuth:\n%s", tab, s)
		}
	}
}

func TestStatFields(t *testing.T) {
	m := newModel(90, 20)
	st := zk.Stat{Czxid: 0x1f, Mzxid: 0x20, Pzxid: 0x21, Ctime: time.Date(2024, 1, 1, 3, 4, 5, 0, time.UTC).UnixMilli(),
		Mtime: time.Date(2024, 1, 2, 1, 4, 5, 0, time.UTC).UnixMilli(), Version: 3, Cversion: 4, Aversion: 5,
		EphemeralOwner: 0x10000abc, DataLength: 2, NumChildren: 0}
	m.SetNode(Node{Path: "/e", Data: []byte("hi"), Stat: st, HasStat: true})
	m.SetTab(TabStat)
	s := screen(t, m, 90, 20)
	for _, want := range []string{"ephemeral", "0x1f", "(31)", "0x21", "2024-01-01 03:04:05 UTC", "(1 day ago)",
		"(2 hours ago)", "version        3", "cversion       4", "aversion       5", "0x10000abc", "dataLength     2", "numChildren    0"} {
		if !strings.Contains(s, want) {
			t.Errorf("stat tab lacks %q:\n%s", want, s)
		}
	}
}

// A long single-line value is cut at the pane's edge until wrap is turned
// on; the pane scrolls when focused.
func TestLongTextWrapsAndScrolls(t *testing.T) {
	m := newModel(40, 8)
	m.SetFocused(true)
	m.SetNode(Node{Path: "/long", Data: []byte(strings.Repeat("abcdefghij", 30))})
	s := screen(t, m, 40, 8)
	if strings.Count(s, "abcdefghij") != 4 {
		t.Fatalf("unwrapped line should show 4 runs and be cut:\n%s", s)
	}
	m.ToggleWrap()
	s = screen(t, m, 40, 8)
	if strings.Count(s, "abcdefghij") != 4*6 {
		t.Fatalf("wrapped value should fill 6 rows:\n%s", s)
	}
	before := m.data.Offset()
	m, _ = m.Update(tea.KeyPressMsg{Code: 'j', Text: "j"})
	if m.data.Offset() != before+1 {
		t.Fatalf("j did not scroll: offset %d -> %d", before, m.data.Offset())
	}
	if !strings.Contains(screen(t, m, 40, 8), "wrap") {
		t.Fatal("meta line does not say wrap is on")
	}
}

func TestHexDumpNarrow(t *testing.T) {
	m := newModel(60, 10)
	m.SetNode(Node{Path: "/bin", Data: []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}})
	s := screen(t, m, 60, 10)
	if !strings.Contains(s, "00000008  08 09") || !strings.Contains(s, "binary · 18 B") {
		t.Fatalf("narrow hex dump should use 8 bytes a line:\n%s", s)
	}
}

// world:anyone with ALL is drawn in the warning style and explained.
func TestOpenACLHighlighted(t *testing.T) {
	m := newModel(70, 12)
	m.SetNode(Node{Path: "/open", ACL: zk.WorldACL(zk.PermAll)})
	m.SetTab(TabACL)
	s := screen(t, m, 70, 12)
	if !strings.Contains(s, "world   anyone  rwcda") || !strings.Contains(s, "any client may read, change, delete") {
		t.Fatalf("open ACL not explained:\n%s", s)
	}
	if !strings.Contains(m.View(), m.com.Styles.Detail.OpenACL.Render("world   anyone  rwcda")) {
		t.Fatal("open ACL row not in the warning style")
	}
	m.SetNode(Node{Path: "/ro", ACL: zk.WorldACL(zk.PermRead)})
	if s := screen(t, m, 70, 12); strings.Contains(s, "any client may") {
		t.Fatalf("a read-only world ACL was flagged:\n%s", s)
	}
}
