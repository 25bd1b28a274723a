package cell

import (
	"context"
	"errors"
	"sync"

	"github.com/zkui/zkui/zk"
)

func zkNoNode(err error) bool { return errors.Is(err, zk.ErrNoNode) }

// ExistsW is Exists with a one-shot watch. A watch on "/" or "/zk" never
// fires (the cells are fixed) and closes with the Router.
func (r *Router) ExistsW(ctx context.Context, p string) (bool, zk.Stat, <-chan zk.Event, error) {
	rt, c, err := r.cellFor("exists", p)
	if err != nil {
		return false, zk.Stat{}, nil, err
	}
	if rt.virtual {
		return true, r.virtualStat(p), r.idle(), nil
	}
	ok, st, ch, err := c.ExistsW(ctx, rt.path)
	if err != nil {
		return ok, st, nil, rt.mapErr(err)
	}
	return ok, st, rt.events(ch), nil
}

// GetDataW is GetData with a one-shot watch on the node's next change.
func (r *Router) GetDataW(ctx context.Context, p string) ([]byte, zk.Stat, <-chan zk.Event, error) {
	rt, c, err := r.cellFor("getData", p)
	if err != nil {
		return nil, zk.Stat{}, nil, err
	}
	if rt.virtual {
		return nil, r.virtualStat(p), r.idle(), nil
	}
	data, st, ch, err := c.GetDataW(ctx, rt.path)
	if err != nil {
		return nil, st, nil, rt.mapErr(err)
	}
	return data, st, rt.events(ch), nil
}

// GetChildrenW is GetChildren with a one-shot watch on the children.
func (r *Router) GetChildrenW(ctx context.Context, p string) ([]string, zk.Stat, <-chan zk.Event, error) {
	rt, c, err := r.cellFor("getChildren", p)
	if err != nil {
		return nil, zk.Stat{}, nil, err
	}
	if rt.virtual {
		return r.virtualChildren(p), r.virtualStat(p), r.idle(), nil
	}
	kids, st, ch, err := c.GetChildrenW(ctx, rt.path)
	if err != nil {
		return nil, st, nil, rt.mapErr(err)
	}
	return kids, st, rt.events(ch), nil
}

// AddWatch sets a persistent watch. A recursive watch on "/" or "/zk" is
// set on the root of every cell, and their events arrive merged on one
// channel with namespace paths: one watch per ensemble keeps a whole
// multi-cell mirror live. The channel closes when every cell's has.
func (r *Router) AddWatch(ctx context.Context, p string, mode zk.AddWatchMode) (<-chan zk.Event, error) {
	rt, c, err := r.cellFor("addWatch", p)
	if err != nil {
		return nil, err
	}
	if !rt.virtual {
		ch, err := c.AddWatch(ctx, rt.path, mode)
		if err != nil {
			return nil, rt.mapErr(err)
		}
		return rt.events(ch), nil
	}
	if mode != zk.AddWatchPersistentRecursive {
		return r.idle(), nil
	}
	var chans []<-chan zk.Event
	for _, cell := range r.names {
		crt := route{cell: cell, path: "/", prefix: Root + "/" + cell}
		cc, err := r.client(crt)
		if err == nil {
			var ch <-chan zk.Event
			ch, err = cc.AddWatch(ctx, "/", mode)
			chans = append(chans, crt.events(ch))
		}
		if err != nil {
			return nil, crt.mapErr(err)
		}
	}
	return merge(chans), nil
}

// RemoveWatches removes the cell's watches of type t on the path.
func (r *Router) RemoveWatches(ctx context.Context, p string, t zk.WatcherType) error {
	rt, c, err := r.cellFor("removeWatches", p)
	if err != nil {
		return err
	}
	if rt.virtual {
		return &zk.Error{Op: "removeWatches", Path: p, Code: zk.CodeNoWatcher}
	}
	return rt.mapErr(c.RemoveWatches(ctx, rt.path, t))
}

// events forwards a cell's watch events with namespace paths. The
// Client queues events without limit, so a slow reader of the returned
// channel delays nothing but its own events.
func (rt route) events(in <-chan zk.Event) <-chan zk.Event {
	out := make(chan zk.Event)
	go func() {
		defer close(out)
		for ev := range in {
			if ev.Path != "" {
				ev.Path = rt.outside(ev.Path)
			}
			out <- ev
		}
	}()
	return out
}

// idle returns a watch channel that never fires and closes with the
// Router.
func (r *Router) idle() <-chan zk.Event {
	ch := make(chan zk.Event)
	go func() {
		<-r.done
		close(ch)
	}()
	return ch
}

// merge fans several event channels into one, closed after all of them.
func merge(chans []<-chan zk.Event) <-chan zk.Event {
	out := make(chan zk.Event)
	var wg sync.WaitGroup
	for _, ch := range chans {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ev := range ch {
				out <- ev
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}
