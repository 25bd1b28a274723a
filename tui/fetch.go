package tui

import (
	"context"
	"errors"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/zkui/zkui/tui/detail"
	"github.com/zkui/zkui/tui/tree"
	"github.com/zkui/zkui/zk"
)

const (
	// fetchTimeout bounds one command, so a hung server shows as an error
	// instead of a spinner forever.
	fetchTimeout = 30 * time.Second
	// aheadInFlight bounds the one-level-ahead reads of one load: enough to
	// fill a pipelined connection without flooding the server.
	aheadInFlight = 32
	// aheadLimit caps how many children get their stat read ahead; beyond it
	// the names alone are shown, so a node with a million children stays cheap.
	aheadLimit = 10000
)

// childrenMsg answers loadChildren; id tags it so an answer overtaken by a
// newer load of the same path is dropped.
type childrenMsg struct {
	id      uint64
	path    string
	stat    zk.Stat
	entries []tree.Entry
	err     error
}

// nodeMsg answers loadNode; stale ids are dropped.
type nodeMsg struct {
	id   uint64
	node detail.Node
}

// loadChildren lists path and reads each child one level ahead: its stat
// (for counts and the ephemeral marker) and its own children's names.
func loadChildren(ctx context.Context, src Source, id uint64, path string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, fetchTimeout)
		defer cancel()
		msg := readChildren(ctx, src, path)
		msg.id = id
		return msg
	}
}

// readChildren is the body of loadChildren, shared with loadPath.
func readChildren(ctx context.Context, src Source, path string) childrenMsg {
	names, stat, err := src.GetChildren(ctx, path)
	if err != nil {
		return childrenMsg{path: path, err: err}
	}
	entries := make([]tree.Entry, len(names))
	var wg sync.WaitGroup
	sem := make(chan struct{}, aheadInFlight)
	for i, name := range names {
		entries[i] = tree.Entry{Name: name}
		if i >= aheadLimit {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			entries[i] = readAhead(ctx, src, path, name)
		}()
	}
	wg.Wait()
	return childrenMsg{path: path, stat: stat, entries: entries}
}

func readAhead(ctx context.Context, src Source, parent, name string) tree.Entry {
	p := parent + "/" + name
	if parent == "/" {
		p = "/" + name
	}
	kids, st, err := src.GetChildren(ctx, p)
	switch {
	case err == nil:
		if kids == nil {
			kids = []string{}
		}
		return tree.Entry{Name: name, Stat: st, Known: true, Children: kids}
	case errors.Is(err, zk.ErrNoAuth):
		return tree.Entry{Name: name, Locked: true}
	}
	// Deleted meanwhile or a transient failure: show the name; expanding
	// it will read again and report the error there.
	return tree.Entry{Name: name}
}

// loadNode reads the data (with the stat) and the ACL of path, in parallel
// on the pipelined connection.
func loadNode(ctx context.Context, src Source, id uint64, path string) tea.Cmd {
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
		n.Data, n.Stat, n.DataErr = src.GetData(ctx, path)
		wg.Wait()
		n.HasStat = n.DataErr == nil
		if !n.HasStat && n.ACLErr == nil {
			n.Stat, n.HasStat = aclStat, true
		}
		return nodeMsg{id: id, node: n}
	}
}
