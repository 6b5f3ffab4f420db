package annotations

import (
	"errors"
	"io/fs"
	"os"
	"sync"
	"testing"
)

var repoModelsOnce sync.Once

// useRepoModels registers the models of web/models as the ModelSource, as
// the command-line binary does (once for the whole test binary, so that
// each model is parsed once).
func useRepoModels(t testing.TB) {
	t.Helper()
	repoModelsOnce.Do(func() {
		SetModelSource(func(lang string) ([]byte, error) {
			b, err := os.ReadFile("../web/models/punkt-" + lang + ".json.gz")
			if errors.Is(err, fs.ErrNotExist) {
				return nil, ErrNoModel
			}
			return b, err
		})
	})
}
