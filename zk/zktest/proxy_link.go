package zktest

import (
	"errors"
	"io"
	"net"
	"sync"
	"time"
)

// chunkSize is the read size of a proxied direction.
const chunkSize = 32 << 10

// queueLen is how many chunks a direction holds while they are delayed.
const queueLen = 64

// link is one proxied client connection and, once dialed, its upstream.
type link struct {
	p      *Proxy
	client net.Conn
	dead   chan struct{} // closed by close: unblocks every waiting goroutine

	mu       sync.Mutex
	upstream net.Conn // nil until dialed, and forever for a blackholed link
	halves   int      // directions still running
	once     sync.Once
}

func newLink(p *Proxy, client net.Conn) *link {
	return &link{p: p, client: client, dead: make(chan struct{})}
}

// connect dials the target and starts both directions. Runs on its own
// goroutine (counted in p.wg by the caller).
func (l *link) connect(target string) {
	defer l.p.wg.Done()
	d := net.Dialer{Timeout: dialTimeout}
	up, err := d.DialContext(l.p.ctx, "tcp", target)
	if err != nil {
		l.close()
		return
	}
	l.mu.Lock()
	select {
	case <-l.dead: // closed or reset while dialing
		l.mu.Unlock()
		up.Close()
		return
	default:
	}
	l.upstream = up
	l.halves = 2
	l.mu.Unlock()
	l.p.wg.Add(4)
	l.direction(l.client, up)
	l.direction(up, l.client)
}

// swallow reads and discards everything a blackholed connection sends until
// it closes. Runs on its own goroutine (counted in p.wg by the caller).
func (l *link) swallow() {
	defer l.p.wg.Done()
	io.Copy(io.Discard, l.client)
	l.close()
}

// chunk is bytes read from one side, due to be written to the other.
type chunk struct {
	data []byte
	due  time.Time
}

// direction forwards src to dst through a queue, so that a delay adds
// latency without limiting throughput. It starts the reader and the writer
// of one direction; both are counted in p.wg (the caller added 2).
func (l *link) direction(src, dst net.Conn) {
	q := make(chan chunk, queueLen)
	go l.read(src, q)
	go l.write(dst, q)
}

// read moves chunks from src into q, dropping those read while blackholed,
// and closes q at EOF or error. eof travels as the last, empty chunk.
func (l *link) read(src net.Conn, q chan<- chunk) {
	defer l.p.wg.Done()
	defer close(q)
	buf := make([]byte, chunkSize)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			mode, delay := l.p.faults()
			if mode != modeBlackhole {
				c := chunk{data: append([]byte(nil), buf[:n]...), due: time.Now().Add(delay)}
				select {
				case q <- c:
				case <-l.dead:
					return
				}
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				// An empty chunk marks a clean end: half-close the other side.
				select {
				case q <- chunk{}:
				case <-l.dead:
				}
			}
			return
		}
	}
}

// write writes each chunk to dst when it is due. A clean EOF half-closes dst
// so the peer still sees everything; an error tears the link down.
func (l *link) write(dst net.Conn, q <-chan chunk) {
	defer l.p.wg.Done()
	defer l.halfDone()
	for c := range q {
		if c.data == nil {
			if cw, ok := dst.(interface{ CloseWrite() error }); ok {
				cw.CloseWrite()
			}
			continue
		}
		if wait := time.Until(c.due); wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-t.C:
			case <-l.dead:
				t.Stop()
				return
			}
		}
		// A chunk delayed before a Blackhole must not leak out after it.
		if mode, _ := l.p.faults(); mode == modeBlackhole {
			continue
		}
		if _, err := dst.Write(c.data); err != nil {
			l.close()
			return
		}
	}
}

// halfDone notes that one direction ended; the link closes when both have.
func (l *link) halfDone() {
	l.mu.Lock()
	l.halves--
	last := l.halves == 0
	l.mu.Unlock()
	if last {
		l.close()
	}
}

// close closes both sides once and forgets the link.
func (l *link) close() {
	l.once.Do(func() {
		l.mu.Lock()
		close(l.dead)
		up := l.upstream
		l.mu.Unlock()
		l.client.Close()
		if up != nil {
			up.Close()
		}
		l.p.remove(l)
	})
}

// reset closes both sides with an RST instead of a FIN.
func (l *link) reset() {
	l.mu.Lock()
	conns := []net.Conn{l.client, l.upstream}
	l.mu.Unlock()
	for _, c := range conns {
		if tc, ok := c.(*net.TCPConn); ok {
			tc.SetLinger(0)
		}
	}
	l.close()
}
