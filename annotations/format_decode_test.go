package annotations

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestSyntaxErrorNamesTheWholeCharacter(t *testing.T) {
	_, err := ReadExport(strings.NewReader(`{"format": é}`))
	if err == nil || !strings.Contains(err.Error(), "invalid character 'é'") {
		t.Fatalf("error = %v, want it to name 'é'", err)
	}
}

func ExampleLineColumn() {
	data := []byte("{\n  \"é\": x}")
	line, col := LineColumn(data, bytes.IndexByte(data, 'x'))
	fmt.Println(line, col)
	// Output: 2 8
}
