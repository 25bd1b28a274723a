package zktest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// fakeTB records what Standalone does with a missing install.
type fakeTB struct {
	testing.TB
	fatal string
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Fatal(args ...any) {
	f.fatal = fmt.Sprint(args...)
	runtime.Goexit()
}

func TestMissingInstall(t *testing.T) {
	t.Parallel()
	noJars := func(c *Config) { c.JarDir = t.TempDir() }
	noJava := func(c *Config) { c.Java = "zktest-no-such-java" }
	for name, opt := range map[string]Option{"jars": noJars, "java": noJava} {
		_, err := Start(t.Context(), t.TempDir(), opt)
		if !errors.Is(err, ErrNotInstalled) {
			t.Fatalf("missing %s: Start error = %v, want ErrNotInstalled", name, err)
		}
		msg := err.Error()
		if strings.Contains(msg, "\n") || !strings.Contains(msg, "run scripts/install-zookeeper.sh") {
			t.Errorf("missing %s: error %q is not one line naming the install script", name, msg)
		}
		if _, err := StartEnsemble(t.Context(), t.TempDir(), 3, opt); !errors.Is(err, ErrNotInstalled) {
			t.Errorf("missing %s: StartEnsemble error = %v, want ErrNotInstalled", name, err)
		}
	}

	// Standalone turns it into t.Fatal with the same line.
	f := &fakeTB{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Standalone(f, noJava)
	}()
	<-done
	if !strings.HasPrefix(f.fatal, ErrNotInstalled.Error()) {
		t.Errorf("Standalone with no java: Fatal(%q), want the install message", f.fatal)
	}
}

func TestStartEnsembleRejectsZero(t *testing.T) {
	if _, err := StartEnsemble(context.Background(), t.TempDir(), 0); err == nil {
		t.Error("StartEnsemble with 0 members succeeded")
	}
}

// BenchmarkStandaloneStart measures how long a standalone server takes from
// launch until it serves clients.
func BenchmarkStandaloneStart(b *testing.B) {
	for b.Loop() {
		s, err := Start(b.Context(), b.TempDir(), WithoutAdminServer())
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Kill()
		b.StartTimer()
	}
}
