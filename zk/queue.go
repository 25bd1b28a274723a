package zk

import "sync"

// eventQueue hands events to one consumer, in order, without ever blocking
// the producer (the connection's reader goroutine). While the consumer keeps
// up, events go straight into the buffered channel; when it falls behind they
// wait in an unbounded slice drained by a pump goroutine that exists only
// while there is a backlog. Nothing is dropped while the queue is open.
type eventQueue struct {
	ch chan Event

	mu      sync.Mutex
	backlog []Event
	pumping bool
	closing bool          // close ch once the backlog is delivered
	closed  bool          // ch is closed
	stop    chan struct{} // closed when undelivered events may be discarded
}

func newEventQueue(size int, stop chan struct{}) *eventQueue {
	return &eventQueue{ch: make(chan Event, size), stop: stop}
}

// push queues ev; it never blocks.
func (q *eventQueue) push(ev Event) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closing || q.closed {
		return
	}
	if !q.pumping {
		select {
		case q.ch <- ev:
			return
		default:
		}
	}
	q.backlog = append(q.backlog, ev)
	q.startPump()
}

// close closes the channel after every queued event is delivered (or after
// stop is closed, for a consumer that no longer reads).
func (q *eventQueue) close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closing || q.closed {
		return
	}
	q.closing = true
	if !q.pumping {
		q.closed = true
		close(q.ch)
	}
}

// startPump must be called with q.mu held.
func (q *eventQueue) startPump() {
	if !q.pumping {
		q.pumping = true
		go q.pump()
	}
}

func (q *eventQueue) pump() {
	for {
		q.mu.Lock()
		if len(q.backlog) == 0 {
			q.pumping = false
			q.backlog = nil
			if q.closing && !q.closed {
				q.closed = true
				close(q.ch)
			}
			q.mu.Unlock()
			return
		}
		ev := q.backlog[0]
		q.backlog[0] = Event{}
		q.backlog = q.backlog[1:]
		q.mu.Unlock()

		select {
		case q.ch <- ev:
		case <-q.stop:
			// The owner is gone and the consumer stopped reading: discard
			// the rest so this goroutine does not outlive it.
			q.mu.Lock()
			q.backlog = nil
			q.pumping = false
			if !q.closed {
				q.closed = true
				close(q.ch)
			}
			q.mu.Unlock()
			return
		}
	}
}
