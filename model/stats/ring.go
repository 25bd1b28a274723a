package stats

import "time"

// Sample is one value of a metric at one time.
type Sample struct {
	At    time.Time
	Value float64
}

// ring keeps the last len(at) samples of one metric in fixed arrays, so a
// poller's memory does not grow with its uptime.
type ring struct {
	at   []int64 // unix nanoseconds
	val  []float64
	head int // next slot to write
	n    int
}

func newRing(capacity int) *ring {
	return &ring{at: make([]int64, capacity), val: make([]float64, capacity)}
}

func (r *ring) add(at time.Time, v float64) {
	r.at[r.head] = at.UnixNano()
	r.val[r.head] = v
	r.head = (r.head + 1) % len(r.at)
	if r.n < len(r.at) {
		r.n++
	}
}

// last returns the newest sample.
func (r *ring) last() (Sample, bool) {
	if r.n == 0 {
		return Sample{}, false
	}
	i := (r.head - 1 + len(r.at)) % len(r.at)
	return Sample{At: time.Unix(0, r.at[i]), Value: r.val[i]}, true
}

// since copies the samples not older than from, oldest first.
func (r *ring) since(from time.Time) []Sample {
	out := make([]Sample, 0, r.n)
	start := (r.head - r.n + len(r.at)) % len(r.at)
	cut := from.UnixNano()
	for k := 0; k < r.n; k++ {
		i := (start + k) % len(r.at)
		if r.at[i] >= cut {
			out = append(out, Sample{At: time.Unix(0, r.at[i]), Value: r.val[i]})
		}
	}
	return out
}
