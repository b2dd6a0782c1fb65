package provereports

import (
	"os"
	"testing"

	"github.com/vsynth/vsynth/internal/clitest"
)

func TestMain(m *testing.M) { os.Exit(clitest.Main(m)) }

// TestScripts runs the group's scripts (internal/clitest.Groups).
func TestScripts(t *testing.T) { clitest.RunGroup(t, "provereports") }
