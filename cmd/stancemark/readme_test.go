//go:build !wasm

package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// Docs that cannot drift: every command line README.md shows is checked
// against the built binary's own -h output, and every "make" target it
// names against the Makefile.

// repoRoot is the module root, seen from cmd/stancemark.
const repoRoot = "../.."

// readmeInvocation is one "stancemark …" command line of README.md.
type readmeInvocation struct {
	line    int    // 1-based line in README.md
	text    string // the command line, without a description after it
	command string // the subcommand ("serve" when none is given)
	flags   []string
}

// flagInText matches a flag named in a command line: "-to", "[-o", "|-x".
var flagInText = regexp.MustCompile(`(?:^|[\s\[|(])-([A-Za-z][A-Za-z0-9-]*)`)

// readmeInvocations returns every "stancemark …" command line of README.md:
// the lines of fenced code blocks that start with "stancemark" (up to two
// spaces, where a description may follow) and inline code spans that start
// with "stancemark ".
func readmeInvocations(t *testing.T, readme string) []readmeInvocation {
	t.Helper()
	var out []readmeInvocation
	add := func(line int, text string) {
		fields := strings.Fields(text)
		if len(fields) == 0 || fields[0] != "stancemark" {
			return
		}
		inv := readmeInvocation{line: line, text: text, command: "serve"}
		if len(fields) > 1 && !strings.HasPrefix(fields[1], "-") {
			inv.command = fields[1]
		}
		for _, m := range flagInText.FindAllStringSubmatch(text, -1) {
			inv.flags = append(inv.flags, m[1])
		}
		out = append(out, inv)
	}
	inline := regexp.MustCompile("`(stancemark(?: [^`]*)?)`")
	fenced := false
	sc := bufio.NewScanner(strings.NewReader(readme))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			text := strings.TrimSpace(line)
			if i := strings.Index(text, "  "); i >= 0 {
				text = text[:i] // a description follows the command line
			}
			add(n, text)
			continue
		}
		for _, m := range inline.FindAllStringSubmatch(line, -1) {
			add(n, m[1])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// binaryCommands lists the commands "stancemark -h" names.
func binaryCommands(t *testing.T) []string {
	t.Helper()
	out, errOut, code := stancemark(t, "", "-h")
	if code != 0 {
		t.Fatalf("stancemark -h: exit %d: %s", code, errOut)
	}
	_, list, ok := strings.Cut(out+errOut, "Commands:")
	if !ok {
		t.Fatalf("stancemark -h names no commands:\n%s", out+errOut)
	}
	var cmds []string
	for _, line := range strings.Split(list, "\n") {
		if strings.HasPrefix(line, "\t") {
			if f := strings.Fields(line); len(f) > 1 {
				cmds = append(cmds, f[0])
			}
		}
	}
	if len(cmds) == 0 {
		t.Fatalf("no commands under Commands: in\n%s", out+errOut)
	}
	return cmds
}

// commandHelp is what "stancemark CMD -h" says: its flags and the flags its
// Usage lines name.
type commandHelp struct {
	flags      []string // every flag the command defines
	usageFlags []string // the flags named in its "Usage:" lines
	text       string
}

var definedFlag = regexp.MustCompile(`(?m)^  -([A-Za-z][A-Za-z0-9-]*)`)

func helpOf(t *testing.T, cmd string) commandHelp {
	t.Helper()
	out, errOut, code := stancemark(t, "", cmd, "-h")
	if code != 0 {
		t.Fatalf("stancemark %s -h: exit %d, want 0:\n%s%s", cmd, code, out, errOut)
	}
	h := commandHelp{text: out + errOut}
	for _, m := range definedFlag.FindAllStringSubmatch(h.text, -1) {
		h.flags = append(h.flags, m[1])
	}
	usage := false
	for _, line := range strings.Split(h.text, "\n") {
		switch {
		case strings.HasPrefix(line, "Usage:"):
			usage = true
			line = strings.TrimPrefix(line, "Usage:")
		case usage && strings.HasPrefix(strings.TrimSpace(line), "stancemark "):
		default:
			usage = false
		}
		if usage {
			for _, m := range flagInText.FindAllStringSubmatch(line, -1) {
				h.usageFlags = append(h.usageFlags, m[1])
			}
		}
	}
	return h
}

func TestReadmeCommandLinesMatchTheBinary(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	invs := readmeInvocations(t, string(data))
	if len(invs) < 8 {
		t.Fatalf("found only %d stancemark command lines in README.md: %+v", len(invs), invs)
	}
	cmds := binaryCommands(t)
	helps := map[string]commandHelp{}
	for _, c := range cmds {
		helps[c] = helpOf(t, c)
	}

	documented := map[string]map[string]bool{} // command → flags README names
	for _, inv := range invs {
		h, ok := helps[inv.command]
		if !ok {
			t.Errorf("README.md:%d: %q: the binary has no command %q (it has %v)", inv.line, inv.text, inv.command, cmds)
			continue
		}
		if documented[inv.command] == nil {
			documented[inv.command] = map[string]bool{}
		}
		for _, f := range inv.flags {
			documented[inv.command][f] = true
			if f == "h" || f == "help" {
				continue
			}
			if !slices.Contains(h.flags, f) {
				t.Errorf("README.md:%d: %q: %q has no flag -%s (its flags: %v)", inv.line, inv.text, inv.command, f, h.flags)
			}
		}
	}
	for _, c := range cmds {
		h := helps[c]
		if documented[c] == nil {
			t.Errorf("README.md shows no command line of %q", c)
			continue
		}
		for _, f := range h.flags {
			if !documented[c][f] {
				t.Errorf("README.md shows no command line of %q with its flag -%s", c, f)
			}
		}
		// The command's own usage lines agree with its flags too.
		for _, f := range h.usageFlags {
			if !slices.Contains(h.flags, f) {
				t.Errorf("stancemark %s -h: its Usage names -%s, which it does not define", c, f)
			}
		}
		for _, f := range h.flags {
			if !slices.Contains(h.usageFlags, f) {
				t.Errorf("stancemark %s -h: its Usage lines do not show its flag -%s", c, f)
			}
		}
	}
}

// makeTargets returns the Makefile's targets and, for each, the text after
// its "## " (empty when it has none), and the .PHONY targets.
func makeTargets(t *testing.T) (targets map[string]string, phony []string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	targets = map[string]string{}
	rule := regexp.MustCompile(`^([A-Za-z0-9_-]+):([^=].*)?$`)
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, ".PHONY:"); ok {
			phony = append(phony, strings.Fields(rest)...)
			continue
		}
		m := rule.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		_, desc, _ := strings.Cut(m[2], "## ")
		targets[m[1]] = strings.TrimSpace(desc)
	}
	return targets, phony
}

func TestReadmeMakeTargetsExistAndMakeHelpListsThem(t *testing.T) {
	targets, phony := makeTargets(t)
	if len(phony) == 0 {
		t.Fatal("the Makefile has no .PHONY targets")
	}
	for _, p := range phony {
		desc, ok := targets[p]
		switch {
		case !ok:
			t.Errorf("Makefile: .PHONY names %q, which is not a target", p)
		case desc == "":
			t.Errorf("Makefile: target %q has no \"## description\", so make help does not list it", p)
		}
	}

	data, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	mentioned := regexp.MustCompile("(?m)(?:^|[`\"])make ([a-z0-9-]+)")
	seen := map[string]bool{}
	for _, m := range mentioned.FindAllStringSubmatch(string(data), -1) {
		if seen[m[1]] {
			continue
		}
		seen[m[1]] = true
		if _, ok := targets[m[1]]; !ok {
			t.Errorf("README.md names \"make %s\", which the Makefile does not have", m[1])
		}
	}
	for _, want := range []string{"run", "test", "help"} {
		if !seen[want] {
			t.Errorf("README.md does not mention \"make %s\"", want)
		}
	}
	readme := string(data)
	if i, j := strings.Index(readme, "make run"), strings.Index(readme, "make test"); i < 0 || j < i || i > 200 {
		t.Errorf("README.md does not open with make run, then make test")
	}

	makeBin, err := exec.LookPath("make")
	if err != nil {
		t.Skip("no make on PATH: make help not run")
	}
	cmd := exec.Command(makeBin, "-s", "--no-print-directory", "help")
	cmd.Dir = repoRoot
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("make help: %v\n%s", err, out)
	}
	listed := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		if name, desc, ok := strings.Cut(strings.TrimSpace(line), " "); ok {
			listed[name] = strings.TrimSpace(desc)
		}
	}
	sort.Strings(phony)
	for _, p := range phony {
		if listed[p] == "" {
			t.Errorf("make help does not list %q with a description:\n%s", p, out)
		} else if listed[p] != targets[p] {
			t.Errorf("make help says %q for %q, the Makefile %q", listed[p], p, targets[p])
		}
	}
}
