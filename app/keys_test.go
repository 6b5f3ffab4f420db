package app

import "testing"

func TestCommandFor(t *testing.T) {
	tests := []struct {
		name   string
		key    keyPress
		cmd    command
		extend bool
	}{
		{"j moves down", keyPress{Key: "j"}, cmdNext, false},
		{"shift+j extends down", keyPress{Key: "J", Shift: true}, cmdNext, true},
		{"arrow down moves", keyPress{Key: "ArrowDown"}, cmdNext, false},
		{"shift+arrow up extends", keyPress{Key: "ArrowUp", Shift: true}, cmdPrev, true},
		{"k moves up", keyPress{Key: "k"}, cmdPrev, false},
		{"digit tags", keyPress{Key: "3"}, cmdTag, false},
		{"zero clears", keyPress{Key: "0"}, cmdClear, false},
		{"backspace clears", keyPress{Key: "Backspace"}, cmdClear, false},
		{"n opens the note", keyPress{Key: "n"}, cmdNote, false},
		{"u undoes", keyPress{Key: "u"}, cmdUndo, false},
		{"ctrl+z undoes", keyPress{Key: "z", Ctrl: true}, cmdUndo, false},
		{"ctrl+shift+z redoes", keyPress{Key: "Z", Ctrl: true, Shift: true}, cmdRedo, false},
		{"cmd+shift+z redoes", keyPress{Key: "z", Meta: true, Shift: true}, cmdRedo, false},
		{"ctrl+y redoes", keyPress{Key: "y", Ctrl: true}, cmdRedo, false},
		{"e exports", keyPress{Key: "e"}, cmdExport, false},
		{"question mark shows help", keyPress{Key: "?", Shift: true}, cmdHelp, false},
		{"ctrl+c is the browser's", keyPress{Key: "c", Ctrl: true}, cmdNone, false},
		{"ctrl+1 is the browser's", keyPress{Key: "1", Ctrl: true}, cmdNone, false},
		{"alt+j is the browser's", keyPress{Key: "j", Alt: true}, cmdNone, false},
		{"a letter without meaning", keyPress{Key: "x"}, cmdNone, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd, extend := commandFor(tt.key)
			if cmd != tt.cmd || extend != tt.extend {
				t.Errorf("commandFor(%+v) = %v, %v; want %v, %v", tt.key, cmd, extend, tt.cmd, tt.extend)
			}
		})
	}
}
