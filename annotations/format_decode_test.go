package annotations

import (
	"strings"
	"testing"
)

func TestSyntaxErrorNamesTheWholeCharacter(t *testing.T) {
	_, err := ReadExport(strings.NewReader(`{"format": é}`))
	if err == nil || !strings.Contains(err.Error(), "invalid character 'é'") {
		t.Fatalf("error = %v, want it to name 'é'", err)
	}
}
