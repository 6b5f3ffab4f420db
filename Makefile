# Stancemark. "make run" builds and serves the app; "make test" installs what
# the tests need (Debian's chromium) and runs every test; "make help" lists
# every target (the text after its "## ").

GO      ?= go
BIN     := bin/stancemark
WASM    := web/app.wasm
ADDR    ?= 127.0.0.1:8000
CHROMIUM ?= /usr/bin/chromium

.PHONY: run build wasm bin test vet unit race-collect e2e deps fmt-check clean bench fuzz screenshots help

run: build ## build app.wasm and the binary, serve the app on ADDR (127.0.0.1:8000)
	./$(BIN) serve -addr $(ADDR)

build: bin wasm ## build the binary (bin/stancemark) and web/app.wasm

bin: ## build the native binary bin/stancemark
	$(GO) build -trimpath -o $(BIN) ./cmd/stancemark

# app.wasm with precompressed copies that "stancemark serve" sends with
# Content-Encoding: brotli and gzip, with Debian's brotli and gzip commands
# when brotli is installed (seconds), else in Go by "stancemark compress"
# (the same bytes at quality 11, in a few minutes; BROTLI_QUALITY=9 takes
# seconds and is about 10% larger). A fresh "make run" serves brotli either way.
BROTLI_QUALITY ?= 11
wasm: bin ## build web/app.wasm with its brotli and gzip copies (in Go when the brotli command is missing)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(WASM) ./cmd/stancemark
	@if command -v brotli >/dev/null; then gzip -9 -k -f $(WASM) && brotli -q $(BROTLI_QUALITY) -k -f $(WASM); \
	else echo "no brotli command: compressing in Go (stancemark compress; apt-get install brotli for seconds)"; \
		./$(BIN) compress -quality $(BROTLI_QUALITY) $(WASM); fi
	@wc -c $(WASM) $(WASM).gz $(WASM).br

test: deps fmt-check vet unit e2e ## everything CI runs: gofmt, vet, unit and real-browser tests

# The export tests read the exports with pandas, rdflib, pyld and PyYAML
# (the dataset card's header) (Debian's python3-* in /usr/bin/python3) and
# DuckDB (@duckdb/node-api, npm); the collection server's tests and
# benchmark start PostgreSQL (Debian's postgresql, run from a temporary
# directory, never as a system service).
deps: ## install Debian's chromium, brotli, postgresql, pandas, rdflib, pyld and PyYAML, and axe-core and DuckDB (npm), when missing
	@if [ ! -x "$(CHROMIUM)" ] || ! command -v brotli >/dev/null || \
		! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
		! /usr/bin/python3 -c 'import pandas, rdflib, pyld, yaml' 2>/dev/null; then \
		echo "installing Debian's chromium (browser tests), brotli (app.wasm.br, which make bench measures),"; \
		echo "postgresql (the collection server's tests) and python3-pandas, python3-rdflib, python3-pyld, python3-yaml (the export tests' readers)"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium brotli postgresql \
			python3-pandas python3-rdflib python3-pyld python3-yaml; \
	fi
	@if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/@duckdb/node-api/package.json ]; then \
		echo "installing axe-core (the accessibility audit) and @duckdb/node-api (the export tests) from npm"; \
		npm ci --no-audit --no-fund; \
	fi

fmt-check: ## fail if gofmt would change a file
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi

vet: ## go vet, natively and for wasm
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./cmd/... ./annotations/... ./articles/...

# collect/ runs without -race: the race detector's build of modernc.org/sqlite (C translated
# to Go) takes minutes on 2 cores and its 300-student tests several times longer;
# "make race-collect" runs it (it passes).
unit: ## go test -race of annotations/, app/, cmd/ and articles/; go test of collect/ (SQLite and PostgreSQL)
	$(GO) test -race -count=1 ./annotations/... ./app/... ./cmd/... ./articles/...
	$(GO) test -count=1 ./collect/...

race-collect: ## go test -race of collect/ (slow: see unit)
	$(GO) test -race -count=1 ./collect/...

# Real-browser tests: headless chromium driven by chromedp against "stancemark serve".
e2e: ## real-browser tests: headless chromium against "stancemark serve"
	CHROMIUM=$(CHROMIUM) $(GO) test -count=1 -timeout 20m ./e2e/

# Performance (issue 7): the built app against a plain-JS reference page in
# headless chromium (fresh profile per run; table on stdout and in
# bench/results.json), then the Go benchmarks. BENCH_FLAGS e.g. "-runs 9 -v".
BENCH_FLAGS ?=
bench: deps build ## the browser benchmark against plain JS, then go test -bench
	CHROMIUM=$(CHROMIUM) $(GO) run ./bench $(BENCH_FLAGS)
	$(GO) test -run '^$$' -bench . -benchmem ./annotations/ ./app/
	$(GO) test -run '^$$' -bench ProjectNewFNC1 ./cmd/stancemark/
	$(GO) test -run '^$$' -bench 'DatasetFNC1|ConvertW3C' -benchtime 1x -benchmem ./cmd/stancemark/
	@echo "== the collection server (issue 19): SQLite and PostgreSQL, each started in a temporary directory"
	$(GO) test -run '^$$' -bench 'OpenLoop' -benchtime 1x ./collect/
	$(GO) test -run '^$$' -bench 'Sustained' -benchtime 2000x ./collect/

# Every fuzz target of the repository, FUZZTIME each (seed corpora in testdata/fuzz).
FUZZTIME ?= 20s
fuzz: ## every go test -fuzz target for FUZZTIME (20s) each
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz' || true); do \
	    echo "== $$pkg $$f"; \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

# PNGs of the main view, a tagged article, dark mode and the class dashboard, into docs/.
screenshots: deps ## regenerate docs/*.png
	STANCEMARK_SCREENSHOTS=$(CURDIR)/docs CHROMIUM=$(CHROMIUM) $(GO) test -count=1 -run 'Screenshot' ./e2e/

clean: ## remove bin/ and the built app.wasm
	rm -rf bin $(WASM) $(WASM).gz $(WASM).br

# Every target with the text after its "## ".
help: ## list the targets with what each does
	@grep -E '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | \
	awk 'BEGIN {FS = ":.*## "}; {printf "  %-12s %s\n", $$1, $$2}'
