//go:build !wasm

package main

import (
	"fmt"
	"io"
	"net"
	"strconv"
)

// printShareAddrs says, when the server listens on every interface
// (-addr 0.0.0.0:8000 or :8000), which addresses other devices on the
// network can open: the ones to put in an assignment link. On a loopback
// address it says that only this computer can open the app.
func printShareAddrs(w io.Writer, addr net.Addr) {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return
	}
	if tcp.IP.IsLoopback() {
		fmt.Fprintf(w, "Only this computer can open it; for a classroom, serve with -addr 0.0.0.0:%d and share the address printed then.\n", tcp.Port)
		return
	}
	if !tcp.IP.IsUnspecified() {
		return
	}
	ifaces, err := net.InterfaceAddrs()
	if err != nil {
		return
	}
	for _, a := range ifaces {
		ipn, ok := a.(*net.IPNet)
		if !ok || ipn.IP.IsLoopback() || ipn.IP.IsLinkLocalUnicast() || ipn.IP.To4() == nil {
			continue
		}
		fmt.Fprintf(w, "Share with the classroom network: http://%s/\n", net.JoinHostPort(ipn.IP.String(), strconv.Itoa(tcp.Port)))
	}
}
