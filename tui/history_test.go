package tui

import "testing"

func TestHistory(t *testing.T) {
	h := newHistory()
	if _, ok := h.back(); ok {
		t.Fatal("back on an empty history")
	}
	for _, p := range []string{"/", "/app", "/secret", "/app", "/app/config", "/app/queue", "/app/queue/task-1"} {
		h.visit(p)
	}
	// Siblings replace each other: /app, /secret, /app are one place, so
	// are /app/config and /app/queue.
	want := []string{"/", "/app", "/app/queue", "/app/queue/task-1"}
	if len(h.places) != len(want) {
		t.Fatalf("places %v, want %v", h.places, want)
	}
	for i, w := range want {
		if h.places[i] != w {
			t.Fatalf("places %v, want %v", h.places, want)
		}
	}
	if p, _ := h.back(); p != "/app/queue" {
		t.Fatalf("back to %q", p)
	}
	if p, _ := h.back(); p != "/app" {
		t.Fatalf("back to %q", p)
	}
	if p, _ := h.forward(); p != "/app/queue" {
		t.Fatalf("forward to %q", p)
	}
	// A new place after going back drops the forward branch.
	h.visit("/zookeeper/quota")
	if _, ok := h.forward(); ok {
		t.Fatal("forward after a new visit")
	}
	if p, _ := h.back(); p != "/app/queue" {
		t.Fatalf("back to %q", p)
	}
}

func TestHistoryLimit(t *testing.T) {
	h := newHistory()
	p := ""
	for i := range histLimit + 50 {
		p += "/n" // each one a level deeper: a new place
		_ = i
		h.visit(p)
	}
	if len(h.places) != histLimit || h.pos != histLimit-1 {
		t.Fatalf("%d places, pos %d", len(h.places), h.pos)
	}
}
