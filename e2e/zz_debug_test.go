package e2e

import (
	"testing"
	"time"
)

func TestZZDebug(t *testing.T) {
	p := newPage(t)
	p.setTarget("Iran and X.", "enter")
	p.WaitSaved()
	t.Log("undo enabled?", Eval[bool](p, `!document.querySelector('#undo').disabled`), p.ActiveElement())
	p.Key("u")
	time.Sleep(500 * time.Millisecond)
	t.Log("after u:", p.Value("input#target"), Eval[bool](p, `!document.querySelector('#undo').disabled`), p.Text("#message"))
	p.Click("button#undo")
	time.Sleep(500 * time.Millisecond)
	t.Log("after button:", p.Value("input#target"), p.Text("#message"))
}
