package model

import (
	"fmt"
	"slices"
	"sync"

	"github.com/zkui/zkui/model/stats"
)

// Ensemble is one mirrored ensemble (or cell) of a Set: its name, where
// it is, its mirror and, optionally, its stats history.
type Ensemble struct {
	Name    string        // unique within the Set, e.g. "prod-eu" or a cell name
	Connect string        // the connect string, for display and reconnection
	Tree    *Tree         // the live mirror
	Stats   *stats.Poller // nil when not polled
}

// Set lists several ensembles together, in the order they were added, so
// one explorer can show a mirror per ensemble or cell side by side. It does
// not start or stop them: the caller owns each Tree and Poller. Its
// methods are safe for concurrent use.
type Set struct {
	mu   sync.RWMutex
	list []*Ensemble
}

// Add appends an ensemble; names must be unique.
func (s *Set) Add(e *Ensemble) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e.Tree == nil {
		return fmt.Errorf("model: ensemble %q has no tree", e.Name)
	}
	for _, x := range s.list {
		if x.Name == e.Name {
			return fmt.Errorf("model: ensemble %q already in the set", e.Name)
		}
	}
	s.list = append(s.list, e)
	return nil
}

// Remove takes an ensemble out of the set and returns it (nil if absent),
// so the caller can Close its Tree.
func (s *Set) Remove(name string) *Ensemble {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, x := range s.list {
		if x.Name == name {
			s.list = slices.Delete(s.list, i, i+1)
			return x
		}
	}
	return nil
}

// Get returns the ensemble of that name.
func (s *Set) Get(name string) (*Ensemble, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, x := range s.list {
		if x.Name == name {
			return x, true
		}
	}
	return nil, false
}

// EnsembleStatus is one line of a Set's listing.
type EnsembleStatus struct {
	Name    string
	Connect string
	Root    string
	Status  Status
}

// List returns every ensemble with its mirror's status, in order.
func (s *Set) List() []EnsembleStatus {
	s.mu.RLock()
	list := slices.Clone(s.list)
	s.mu.RUnlock()
	out := make([]EnsembleStatus, len(list))
	for i, e := range list {
		out[i] = EnsembleStatus{Name: e.Name, Connect: e.Connect, Root: e.Tree.Root(), Status: e.Tree.Status()}
	}
	return out
}

// Close closes every Tree of the set and empties it.
func (s *Set) Close() {
	s.mu.Lock()
	list := s.list
	s.list = nil
	s.mu.Unlock()
	for _, e := range list {
		e.Tree.Close()
	}
}
