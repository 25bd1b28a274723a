package zktest

import (
	"context"
	"errors"
	"net"
	"sync"
	"time"
)

// faultMode is what the proxy does with traffic.
type faultMode int

const (
	modePass      faultMode = iota // forward both ways
	modeDropNew                    // close new connections at once
	modeBlackhole                  // accept, swallow, never forward or answer
)

// dialTimeout bounds the proxy's connection to its target.
const dialTimeout = 5 * time.Second

// Proxy is a fault-injecting TCP proxy on loopback. Point a client at Addr
// instead of the server; then switch faults at any time from the test:
// Delay, DropNew, Blackhole, ResetAll, SetTarget, and Pass to heal. Every
// method is safe for concurrent use.
type Proxy struct {
	ln     net.Listener
	ctx    context.Context // ends when the proxy closes, aborting dials
	cancel context.CancelFunc
	wg     sync.WaitGroup // every goroutine of the proxy

	mu     sync.Mutex
	target string
	mode   faultMode
	delay  time.Duration
	links  map[*link]struct{}
	closed bool
}

// NewProxy listens on 127.0.0.1:0 and forwards every connection to target.
// Close it when done.
func NewProxy(target string) (*Proxy, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort(loopback, "0"))
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	p := &Proxy{ln: ln, ctx: ctx, cancel: cancel, target: target, links: map[*link]struct{}{}}
	p.wg.Add(1)
	go p.acceptLoop()
	return p, nil
}

// Addr is the proxy's "127.0.0.1:<port>".
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Pass returns to normal forwarding with no delay. Connections blackholed
// while they were accepted stay dead: they never had an upstream.
func (p *Proxy) Pass() { p.set(modePass, 0) }

// Delay forwards normally but holds every chunk, both ways, for d before
// passing it on (latency, not a throughput limit).
func (p *Proxy) Delay(d time.Duration) { p.set(modePass, d) }

// DropNew accepts new connections and closes them at once; existing ones
// keep working.
func (p *Proxy) DropNew() { p.set(modeDropNew, 0) }

// Blackhole makes the proxy a black hole: new connections are accepted but
// never forwarded or answered, and existing connections stay open but their
// bytes, both ways, are swallowed. To a client this looks like a hung server
// or a partitioned network.
func (p *Proxy) Blackhole() { p.set(modeBlackhole, 0) }

// SetTarget makes new connections go to addr; existing ones are untouched
// (ResetAll moves them).
func (p *Proxy) SetTarget(addr string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.target = addr
}

// ResetAll closes every current connection with a TCP reset (SO_LINGER 0)
// on both sides.
func (p *Proxy) ResetAll() {
	for _, l := range p.snapshotLinks() {
		l.reset()
	}
}

// Conns is the number of live client connections. The proxy passes a
// half-close on (so a client may shut its write side and still read the
// answer); a connection counts until both sides have closed.
func (p *Proxy) Conns() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.links)
}

// Close stops listening, closes every connection and waits for the proxy's
// goroutines to end. Closing twice is harmless.
func (p *Proxy) Close() error {
	p.mu.Lock()
	already := p.closed
	p.closed = true
	p.mu.Unlock()
	if already {
		return nil
	}
	p.cancel()
	err := p.ln.Close()
	for _, l := range p.snapshotLinks() {
		l.close()
	}
	p.wg.Wait()
	return err
}

func (p *Proxy) set(m faultMode, d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.mode, p.delay = m, d
}

// faults returns the current mode and delay.
func (p *Proxy) faults() (faultMode, time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.mode, p.delay
}

func (p *Proxy) snapshotLinks() []*link {
	p.mu.Lock()
	defer p.mu.Unlock()
	ls := make([]*link, 0, len(p.links))
	for l := range p.links {
		ls = append(ls, l)
	}
	return ls
}

// acceptLoop accepts until the listener closes and applies the mode that is
// current at accept time.
func (p *Proxy) acceptLoop() {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			// A transient error (e.g. out of descriptors): do not spin.
			time.Sleep(10 * time.Millisecond)
			continue
		}
		p.mu.Lock()
		mode, target, closed := p.mode, p.target, p.closed
		var l *link
		if !closed && mode != modeDropNew {
			l = newLink(p, c)
			p.links[l] = struct{}{}
		}
		p.mu.Unlock()
		if l == nil {
			c.Close()
			continue
		}
		p.wg.Add(1)
		if mode == modeBlackhole {
			go l.swallow()
		} else {
			go l.connect(target)
		}
	}
}

// remove forgets a closed link.
func (p *Proxy) remove(l *link) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.links, l)
}
