package tui

import (
	"context"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/model"
	"github.com/zkui/zkui/tui/detail"
	"github.com/zkui/zkui/zk"
)

// fetchTimeout bounds one command, so a hung server shows as an error
// instead of a spinner forever.
const fetchTimeout = 30 * time.Second

// nodeMsg answers loadNode; stale ids are dropped.
type nodeMsg struct {
	id   uint64
	node detail.Node
}

// loadNode reads the data (from the mirror's cache when it holds the
// current version) and the ACL of path, in parallel on the pipelined
// connection.
func loadNode(ctx context.Context, src Source, mir *model.Tree, id uint64, path string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
		defer cancel()
		n := detail.Node{Path: path}
		var aclStat zk.Stat
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.ACL, aclStat, n.ACLErr = src.GetACL(ctx, path)
		}()
		n.Data, n.Stat, n.DataErr = mir.Data(ctx, path)
		wg.Wait()
		n.HasStat = n.DataErr == nil
		if !n.HasStat && n.ACLErr == nil {
			n.Stat, n.HasStat = aclStat, true
		}
		return nodeMsg{id: id, node: n}
	}
}
