package tui

import (
	"testing"

	"github.com/zkui/zkui/zk/zktest"
)

// TestMain stops the shared ZooKeeper server of the editing tests.
func TestMain(m *testing.M) { zktest.Main(m) }
