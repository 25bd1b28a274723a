package model

import (
	"container/list"
	"sync"

	"github.com/zkui/zkui/zk"
)

// dataCache keeps node data within a byte budget, least recently used
// evicted first. Entries carry the stat they were read with, so a reader
// can tell a stale entry from the mirror's current stat without the cache
// having to hear about every change.
type dataCache struct {
	mu     sync.Mutex
	budget int64
	used   int64
	lru    *list.List // of *cacheEntry, most recent at the front
	byPath map[string]*list.Element
}

type cacheEntry struct {
	path string
	data []byte
	stat zk.Stat
}

func newDataCache(budget int64) *dataCache {
	return &dataCache{budget: budget, lru: list.New(), byPath: make(map[string]*list.Element)}
}

func entrySize(e *cacheEntry) int64 { return int64(len(e.data) + len(e.path) + 96) }

// get returns the cached data of path if it was read at stat's version.
func (c *dataCache) get(path string, st zk.Stat) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byPath[path]
	if !ok {
		return nil, false
	}
	e := el.Value.(*cacheEntry)
	if e.stat.Czxid != st.Czxid || e.stat.Mzxid != st.Mzxid {
		return nil, false
	}
	c.lru.MoveToFront(el)
	return e.data, true
}

// has reports whether path has an entry (of any version): its data is kept
// fresh when it changes.
func (c *dataCache) has(path string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.byPath[path]
	return ok
}

// put stores data read with stat, replacing an older entry.
func (c *dataCache) put(path string, data []byte, st zk.Stat) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := &cacheEntry{path: path, data: data, stat: st}
	if entrySize(e) > c.budget {
		c.removeLocked(path)
		return
	}
	if el, ok := c.byPath[path]; ok {
		old := el.Value.(*cacheEntry)
		if old.stat.Czxid == st.Czxid && old.stat.Mzxid > st.Mzxid {
			return // an older read landing late
		}
		c.used += entrySize(e) - entrySize(old)
		el.Value = e
		c.lru.MoveToFront(el)
	} else {
		c.byPath[path] = c.lru.PushFront(e)
		c.used += entrySize(e)
	}
	for c.used > c.budget {
		c.removeLocked(c.lru.Back().Value.(*cacheEntry).path)
	}
}

func (c *dataCache) remove(path string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.removeLocked(path)
}

func (c *dataCache) removeLocked(path string) {
	el, ok := c.byPath[path]
	if !ok {
		return
	}
	c.used -= entrySize(el.Value.(*cacheEntry))
	c.lru.Remove(el)
	delete(c.byPath, path)
}

// bytes is the memory held by cached data.
func (c *dataCache) bytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.used
}
