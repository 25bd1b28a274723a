package tui

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// wheelStep is how many rows one notch of the wheel scrolls.
const wheelStep = 3

// rect is a pane's outer box on screen.
type rect struct{ x, y, w, h int }

func (r rect) has(x, y int) bool { return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h }

// paneRects returns where the tree and detail panes are drawn, the same
// way render lays them out.
func (a *App) paneRects() (treeR, detailR rect) {
	top := lipgloss.Height(a.headerView())
	body := a.height - top - 1 - lipgloss.Height(a.helpView())
	tw, th, dw, dh := a.paneSizes(max(body, 0))
	treeR = rect{0, top, tw, th}
	if a.width >= wideWidth {
		return treeR, rect{tw, top, dw, dh}
	}
	return treeR, rect{0, top + th, dw, dh}
}

// handleClick selects the clicked row or tab and focuses its pane. The
// pane border is one cell, so inner coordinates are one less.
func (a *App) handleClick(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft || a.help.ShowAll || a.prompt.IsOpen() {
		return nil
	}
	treeR, detailR := a.paneRects()
	switch {
	case treeR.has(msg.X, msg.Y):
		a.setFocus(focusTree)
		return a.tree.ClickRow(msg.Y - treeR.y - 1)
	case detailR.has(msg.X, msg.Y):
		a.setFocus(focusDetail)
		if msg.Y-detailR.y-1 == 0 {
			if t, ok := a.detail.TabAt(msg.X - detailR.x - 1); ok {
				a.detail.SetTab(t)
			}
		}
	}
	return nil
}

// handleWheel scrolls the pane under the pointer without moving focus.
func (a *App) handleWheel(msg tea.MouseWheelMsg) {
	if a.help.ShowAll {
		return
	}
	step := 0
	switch msg.Button {
	case tea.MouseWheelUp:
		step = -wheelStep
	case tea.MouseWheelDown:
		step = wheelStep
	default:
		return
	}
	treeR, detailR := a.paneRects()
	switch {
	case treeR.has(msg.X, msg.Y):
		a.tree.ScrollBy(step)
	case detailR.has(msg.X, msg.Y):
		a.detail.ScrollBy(step)
	}
}
