package zk

import (
	"github.com/zkui/zkui/zk/internal/jute"
	"github.com/zkui/zkui/zk/internal/proto"
)

// setWatchesBatch bounds one SetWatches frame, as the Java client does, so a
// client with very many watches never sends a frame the server refuses.
const setWatchesBatch = 128 << 10

// queueSessionSetup queues, ahead of any request of the program, every
// stored credential and then the re-registration of every watch, in the
// order the Java client uses: credentials first, so the watches are set
// with the session's identities.
func (c *Conn) queueSessionSetup() {
	for _, a := range c.cfg.auths {
		r := getRequest(opAuth, "", nil)
		pkt := proto.AuthPacket{Type: 0, Scheme: a.scheme, Auth: a.auth}
		if err := c.enqueue(r, &pkt, true); err != nil {
			c.cfg.logger.Warn("zk: cannot queue credentials", "scheme", a.scheme)
		}
	}
	for _, sw := range c.setWatchesBatches() {
		r := getRequest(sw.op, "", nil)
		if err := c.enqueue(r, sw.rec, false); err != nil {
			c.cfg.logger.Warn("zk: cannot queue SetWatches", "err", err)
		}
	}
}

type setWatchesFrame struct {
	op  opcode
	rec jute.Record
}

// setWatchesBatches splits the registered watches into SetWatches (or
// SetWatches2 when persistent watches exist, servers >= 3.6) records of at
// most setWatchesBatch bytes of paths each.
func (c *Conn) setWatchesBatches() []setWatchesFrame {
	if !c.watches.any() {
		return nil
	}
	paths := c.watches.paths()
	persistent := len(paths[watchPersistent])+len(paths[watchPersistentRecursive]) > 0
	zxid := c.lastZxid.Load()
	var out []setWatchesFrame
	var cur proto.SetWatches2
	size := 0
	flush := func() {
		if size == 0 {
			return
		}
		// A nil list is encoded as a null vector, which the server
		// dereferences without a check and answers with a marshalling
		// error: every list must be present, even when empty.
		for _, l := range []*[]string{&cur.DataWatches, &cur.ExistWatches, &cur.ChildWatches,
			&cur.PersistentWatches, &cur.PersistentRecursiveWatches} {
			if *l == nil {
				*l = []string{}
			}
		}
		if persistent {
			rec := cur
			out = append(out, setWatchesFrame{op: opSetWatches2, rec: &rec})
		} else {
			out = append(out, setWatchesFrame{op: opSetWatches, rec: &proto.SetWatches{
				RelativeZxid: zxid, DataWatches: cur.DataWatches,
				ExistWatches: cur.ExistWatches, ChildWatches: cur.ChildWatches,
			}})
		}
		cur, size = proto.SetWatches2{}, 0
	}
	cur.RelativeZxid = zxid
	for kind, list := range paths {
		for _, p := range list {
			sp := chrootPath(c.chroot, p)
			if size+len(sp)+4 > setWatchesBatch {
				flush()
				cur.RelativeZxid = zxid
			}
			size += len(sp) + 4
			switch watchKind(kind) {
			case watchData:
				cur.DataWatches = append(cur.DataWatches, sp)
			case watchExist:
				cur.ExistWatches = append(cur.ExistWatches, sp)
			case watchChild:
				cur.ChildWatches = append(cur.ChildWatches, sp)
			case watchPersistent:
				cur.PersistentWatches = append(cur.PersistentWatches, sp)
			case watchPersistentRecursive:
				cur.PersistentRecursiveWatches = append(cur.PersistentRecursiveWatches, sp)
			}
		}
	}
	flush()
	return out
}
