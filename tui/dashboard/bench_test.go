package dashboard

import "testing"

// BenchmarkServersView renders the servers page with an hour of history
// per member: the chart and the sparklines are redrawn on every frame.
func BenchmarkServersView(b *testing.B) {
	m, _ := newTestModel(160, 48)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkRefresh takes the snapshot a tick takes.
func BenchmarkRefresh(b *testing.B) {
	m, _ := newTestModel(160, 48)
	b.ReportAllocs()
	for b.Loop() {
		m.refresh()
	}
}
