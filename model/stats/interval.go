package stats

import "time"

// Interval bounds for SetInterval: faster than MinInterval would load the
// servers for little news; slower than MaxInterval would leave a dashboard
// looking frozen.
const (
	MinInterval = 500 * time.Millisecond
	MaxInterval = time.Minute
)

// Interval returns the current time between polls.
func (p *Poller) Interval() time.Duration {
	return time.Duration(p.every.Load())
}

// SetInterval changes the time between polls, clamped to [MinInterval,
// MaxInterval], and returns the interval now in force. A running Run uses
// it from its next wait on. The history buffers keep their size, so a
// faster interval covers less than the configured Window.
func (p *Poller) SetInterval(d time.Duration) time.Duration {
	d = min(max(d, MinInterval), MaxInterval)
	p.every.Store(int64(d))
	return d
}
