package dashboard

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Update handles the dashboard's messages and, while it is shown, keys.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tickMsg:
		if msg.gen != m.tickGen || !m.visible {
			return m, nil // an older chain, or hidden: stop ticking
		}
		return m, m.handleTick()
	case zxidsMsg:
		m.zxids = msg.res
	case consMsg:
		m.handleCons(msg)
	case dumpMsg:
		m.handleDump(msg)
	case wchsMsg:
		m.handleWchs(msg)
	case watchListMsg:
		m.handleWatchList(msg)
	case ownerMsg:
		return m, m.handleOwner(msg)
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

// handleTick takes a snapshot and, while shown, refreshes the numbers the
// page needs beyond the poller's.
func (m *Model) handleTick() tea.Cmd {
	m.refresh()
	cmds := []tea.Cmd{m.tick()}
	if m.view == ViewServers || m.view == ViewHealth {
		cmds = append(cmds, m.fetchZxids())
	}
	return tea.Batch(cmds...)
}

// fetchForView loads what the page shown needs.
func (m *Model) fetchForView() tea.Cmd {
	switch m.view {
	case ViewSessions:
		return m.loadSessions()
	case ViewWatches:
		return m.fetchWchs()
	}
	return m.fetchZxids()
}

// setView shows another page.
func (m *Model) setView(v View) tea.Cmd {
	m.view = (v + viewCount) % viewCount
	m.watch.pending = ""
	return m.fetchForView()
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k, nav := m.com.Keys.Dash, m.com.Keys
	if m.watch.pending != "" {
		switch {
		case key.Matches(msg, k.Confirm):
			return m.confirmWatchList()
		case key.Matches(msg, k.Cancel):
			m.watch.pending = ""
			m.note = "cancelled"
		}
		return nil // nothing else until the question is answered
	}
	switch {
	case key.Matches(msg, k.NextView):
		return m.setView(m.view + 1)
	case key.Matches(msg, k.PrevView):
		return m.setView(m.view - 1)
	case key.Matches(msg, k.Servers):
		return m.setView(ViewServers)
	case key.Matches(msg, k.Health):
		return m.setView(ViewHealth)
	case key.Matches(msg, k.Sessions):
		return m.setView(ViewSessions)
	case key.Matches(msg, k.Watches):
		return m.setView(ViewWatches)
	case key.Matches(msg, nav.Up), key.Matches(msg, nav.Down):
		d := 1
		if key.Matches(msg, nav.Up) {
			d = -1
		}
		return m.step(d)
	case key.Matches(msg, k.Metric):
		m.metric = (m.metric + 1) % len(chartMetrics)
		m.refresh()
	case key.Matches(msg, k.Sort):
		m.sortBy = (m.sortBy + 1) % sortCount
		m.refresh()
	case key.Matches(msg, k.Faster), key.Matches(msg, k.Slower):
		m.changeInterval(key.Matches(msg, k.Faster))
	case key.Matches(msg, k.Refresh):
		m.refresh()
		return m.fetchForView()
	case key.Matches(msg, k.Owner):
		return m.lookupOwner()
	case m.view == ViewWatches && key.Matches(msg, k.BySess):
		m.watch.pending = "wchc"
	case m.view == ViewWatches && key.Matches(msg, k.ByPath):
		m.watch.pending = "wchp"
	}
	return nil
}

// step moves the cursor of the page shown.
func (m *Model) step(d int) tea.Cmd {
	switch m.view {
	case ViewSessions:
		m.sess.cursor = min(max(m.sess.cursor+d, 0), max(len(m.sess.conns)-1, 0))
	case ViewWatches:
		if m.watch.word != "" {
			m.watch.offset = min(max(m.watch.offset+d, 0), max(len(m.watch.list)-1, 0))
			return nil
		}
		m.moveSelection(d)
	default:
		m.moveSelection(d)
	}
	return nil
}

// changeInterval halves or doubles the poll interval.
func (m *Model) changeInterval(faster bool) {
	p := m.opts.Poller
	if p == nil {
		return
	}
	d := p.Interval() * 2
	if faster {
		d = p.Interval() / 2
	}
	got := p.SetInterval(d)
	m.note = fmt.Sprintf("polling every %s", got)
}
