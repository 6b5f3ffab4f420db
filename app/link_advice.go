package app

import (
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// longLink is the length from which a link is likely to be cut by mail,
// chat and LMS tools (many stop near 2,000 characters, the old Internet
// Explorer limit that tools still honour).
const longLink = 2000

// linkAdvice is what the assignment dialog says about a link to appURL of
// n characters (n 0: no link made yet): where it points, whether others
// can open it, how to host the app, and whether to send the file instead.
type linkAdvice struct {
	Where     string // "The link opens http://…"
	Reachable bool   // another device can open it
	Why       string // why not, and what to do
	TooLong   string // "" or why the file (or ?src=) is better
}

// adviseLink returns the advice on a link to appURL of n characters.
func adviseLink(appURL string, n int) linkAdvice {
	adv := linkAdvice{Where: "The link opens " + appURL + ".", Reachable: true}
	u, err := url.Parse(appURL)
	switch {
	case err != nil || u.Scheme == "file":
		adv.Reachable = false
		adv.Why = "This page is a file on this computer, so nobody else can open the link. Host Stancemark first: 'stancemark build -out site' makes a static site for any web host (GitHub Pages, your school's server), or 'stancemark serve -addr 0.0.0.0:8000' serves it on the classroom network."
	case isLoopback(u.Hostname()):
		adv.Reachable = false
		adv.Why = fmt.Sprintf("%s is this computer's own address: the link opens nothing on a student's device. Run 'stancemark serve -addr 0.0.0.0:%s' and share the address it prints for the classroom network (http://<this computer's address>:%s/), or 'stancemark build -out site' for any static web host, then make the link from there.", u.Host, portOr(u, "8000"), portOr(u, "8000"))
	}
	if n > longLink {
		adv.TooLong = fmt.Sprintf("This link is %d characters long: mail, chat and LMS tools often cut links past about %d characters, and a cut link opens nothing. Send the assignment file instead, or put the file on a web host and share %s?src=<the file's address>, which stays short.", n, longLink, strings.TrimSuffix(appURL, "#"))
	}
	return adv
}

// browserURL is the page's address in the browser, "" when prerendering
// on the server (which knows no address a student would use; and the
// static site must hold no link to it).
func browserURL() string {
	if app.IsServer {
		return ""
	}
	return appURL()
}

// isLoopback reports whether host names this computer only.
func isLoopback(host string) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// portOr is u's port, or def.
func portOr(u *url.URL, def string) string {
	if p := u.Port(); p != "" {
		return p
	}
	return def
}
