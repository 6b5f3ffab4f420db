//go:build !wasm

package browsertest

import (
	"context"
	"errors"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// PressKeys presses the key of each rune of keys (see chromedp/kb), with
// modifiers, the way a real keyboard reaches the page (and as Puppeteer sends
// it): one keyDown event that carries the key's text, then keyUp. So a page
// that calls preventDefault on keydown stops the text, as in a real browser.
// (chromedp.KeyEvent sends the text as a separate "char" event, which
// preventDefault on keydown does not stop: a key that moves the focus into a
// field would type itself into that field, which no user ever sees.) With
// Ctrl, Alt or Meta held a key carries no text.
func PressKeys(keys string, mods ...chromedp.Modifier) chromedp.Action[chromedp.Void] {
	var m int64
	for _, x := range mods {
		m |= int64(x)
	}
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, r := range keys {
			evs := kb.Encode(r)
			down, up := *evs[0], *evs[len(evs)-1]
			if len(evs) == 3 { // printable: take the char event's text
				down.Text, down.UnmodifiedText = evs[1].Text, evs[1].UnmodifiedText
			}
			down.Modifiers |= m
			up.Modifiers |= m
			if m&^int64(chromedp.ModifierShift) != 0 {
				down.Text, down.UnmodifiedText = "", ""
			}
			down.Type = input.DispatchKeyEventTypeKeyDown
			if down.Text == "" {
				down.Type = input.DispatchKeyEventTypeRawKeyDown
			}
			up.Type = input.DispatchKeyEventTypeKeyUp
			for _, ev := range []input.DispatchKeyEventParams{down, up} {
				if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, ev); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// Truthy evaluates the JS expression js in the page of ctx and reports
// whether it is truthy.
func Truthy(ctx context.Context, js string) (bool, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+js+")"))
}

// WaitJS evaluates the JS expression js every interval until it is truthy,
// ctx ends, or timeout passes. It polls from Go, so no loop of its own runs
// in the page.
func WaitJS(ctx context.Context, js string, timeout, interval time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		ok, err := Truthy(ctx, js)
		if err == nil && ok {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if time.Now().After(deadline) {
			if err != nil {
				return err
			}
			return errors.New("timed out")
		}
		time.Sleep(interval)
	}
}
