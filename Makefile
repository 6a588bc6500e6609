# newsc: build, test, benchmark and fuzz.
#   make                 build build/5.4/newsc/core.so
#   make LUA=5.3         the same for Lua 5.3 (also 5.1, 5.2, jit) in build/<LUA>/
#   make test            every test; the last line reads "N passed, N failed"
#   make demo            the main job: cross-check the bundled examples
#   make bench | fuzz | eval | env | deps

LUA      ?= 5.4
CC       ?= cc
CLANG    ?= clang
OPT      ?= -O2
WARN      = -std=c99 -Wall -Wextra -Wpedantic -Werror
CFLAGS   ?= $(OPT) -g
ALLCFLAGS = $(WARN) $(CFLAGS) -fPIC -fvisibility=hidden -D_POSIX_C_SOURCE=200809L
UTF8PROC_LIBS = -lutf8proc
FUZZ_SECONDS ?= 60

ifeq ($(LUA),jit)
LUA_INC  ?= /usr/include/luajit-2.1
LUA_BIN  ?= luajit
else
LUA_INC  ?= /usr/include/lua$(LUA)
LUA_BIN  ?= lua$(LUA)
endif

BUILD      = build/$(LUA)
CORE       = $(BUILD)/newsc/core.so
BIND_SRC   = $(wildcard csrc/lua_*.c)
ENGINE_SRC = $(filter-out $(BIND_SRC),$(wildcard csrc/*.c))
HEADERS    = $(wildcard csrc/*.h)
MODULES    = $(filter-out newsc,$(patsubst csrc/lua_%.c,%,$(BIND_SRC)))
MODLIST    = $(foreach m,$(MODULES),X($(m)))

ENGINE_OBJ = $(patsubst csrc/%.c,$(BUILD)/obj/%.o,$(ENGINE_SRC))
BIND_OBJ   = $(patsubst csrc/%.c,$(BUILD)/obj/%.o,$(BIND_SRC))

CTEST_SRC  = $(wildcard tests/c/test_*.c)
CTESTS     = $(patsubst tests/c/%.c,build/ctest/%,$(CTEST_SRC))
ASAN_TESTS = $(patsubst tests/c/%.c,build/asan/%,$(CTEST_SRC))
ASAN_ENGINE_OBJ = $(patsubst csrc/%.c,build/asan/obj/%.o,$(ENGINE_SRC))
CT_ENGINE_OBJ   = $(patsubst csrc/%.c,build/ctest/obj/%.o,$(ENGINE_SRC))
SANFLAGS   = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

FUZZ_SRC   = $(wildcard fuzz/fuzz_*.c)
FUZZERS    = $(patsubst fuzz/%.c,build/fuzz/%,$(FUZZ_SRC))
FUZZ_ENGINE_OBJ = $(patsubst csrc/%.c,build/fuzz/obj/%.o,$(ENGINE_SRC))

.SECONDARY:
.PHONY: rockspec all core deps env test test-c test-asan test-lua test-all demo bench fuzz fuzz-smoke eval gen clean filter-shot html-shot filter-bundle pandoc3 filter-report

all: core
core: $(CORE)

deps:
	@sh tools/deps.sh

$(BUILD)/obj/%.o: csrc/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -I$(LUA_INC) -Icsrc -c $< -o $@

$(BUILD)/obj/lua_newsc.o: csrc/lua_newsc.c $(HEADERS) Makefile
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -I$(LUA_INC) -Icsrc '-DNC_MODULE_LIST=$(MODLIST)' -c $< -o $@

$(CORE): $(ENGINE_OBJ) $(BIND_OBJ)
	@mkdir -p $(dir $@)
	$(CC) -shared -o $@ $^ $(UTF8PROC_LIBS) -lm

# ---- C unit tests (engine only, no Lua), plain and with ASan + UBSan ----
build/ctest/obj/%.o: csrc/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) -D_POSIX_C_SOURCE=200809L -Icsrc -c $< -o $@

build/ctest/%: tests/c/%.c $(CT_ENGINE_OBJ) tests/c/ctest.h
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) -D_POSIX_C_SOURCE=200809L -Icsrc -Itests/c $< $(CT_ENGINE_OBJ) -o $@ $(UTF8PROC_LIBS) -lm

build/asan/obj/%.o: csrc/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CLANG) $(WARN) -O1 -g $(SANFLAGS) -D_POSIX_C_SOURCE=200809L -Icsrc -c $< -o $@

build/asan/%: tests/c/%.c $(ASAN_ENGINE_OBJ) tests/c/ctest.h
	@mkdir -p $(dir $@)
	$(CLANG) $(WARN) -O1 -g $(SANFLAGS) -D_POSIX_C_SOURCE=200809L -Icsrc -Itests/c $< $(ASAN_ENGINE_OBJ) -o $@ $(UTF8PROC_LIBS) -lm

test-c: $(CTESTS)
	@sh tools/run-ctests.sh build/ctest $(CTESTS)

test-asan: $(ASAN_TESTS)
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 sh tools/run-ctests.sh build/asan $(ASAN_TESTS)

# ---- busted specs under one Lua (LUA=5.4 by default) ----
# NEWSC_BACKEND=pure: the same specs against newsc.pure (the pure-Lua backend);
# left out: specs tagged #core (the C engine's 100 MB lines) and rockspec_spec
# (it checks that the rock builds and installs the C module)
PURE_SKIP ?= rockspec_spec
PURE_ARGS = $(if $(filter pure,$(NEWSC_BACKEND)),--exclude-tags=core $(foreach p,$(PURE_SKIP),--exclude-pattern=$(p)))
test-lua: $(CORE)
	@NEWSC_BACKEND=$(NEWSC_BACKEND) $(LUA_BIN) /usr/bin/busted --run=$(LUA) $(PURE_ARGS)

# ---- everything: C tests, sanitizers, specs under 5.4, 5.3, 5.2, 5.1, LuaJIT
# and the pure backend, fuzz smoke (MATRIX=0: 5.4 and 5.3 only) ----
test:
	@sh tools/deps.sh test
	@sh tools/test-all.sh

# the same as make test (which runs the whole Lua matrix)
test-all: test

# ---- fuzzing (clang's libFuzzer) ----
build/fuzz/obj/%.o: csrc/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CLANG) $(WARN) -O1 -g -fsanitize=fuzzer-no-link,address,undefined -D_POSIX_C_SOURCE=200809L -Icsrc -c $< -o $@

build/fuzz/%: fuzz/%.c $(FUZZ_ENGINE_OBJ)
	@mkdir -p $(dir $@)
	$(CLANG) $(WARN) -O1 -g -fsanitize=fuzzer,address,undefined -D_POSIX_C_SOURCE=200809L -Icsrc $< $(FUZZ_ENGINE_OBJ) -o $@ $(UTF8PROC_LIBS) -lm

fuzz: deps $(FUZZERS)
	@for f in $(FUZZERS); do echo "== $$f ($(FUZZ_SECONDS)s)"; \
	  mkdir -p build/fuzz/corpus/$$(basename $$f); \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=1 build/fuzz/corpus/$$(basename $$f) fuzz/seeds || exit 1; done

# a few seconds per target, as part of make test
fuzz-smoke: $(FUZZERS)
	@sh tools/fuzz-smoke.sh $(FUZZERS)

# ---- the main job, benchmarks, evaluations ----
demo: deps $(CORE)
	@lua5.4 bin/newsc crosscheck examples

bench: $(CORE)
	@sh tools/deps.sh bench
	@sh bench/run.sh

eval: deps $(CORE)
	@sh tools/eval.sh

# the example articles' annotated HTML report through pandoc and the filter
filter-report: deps
	@sh tools/filter-report.sh build/examples-report.html

# the pandoc filter as one self-contained file (for pandoc 3.x, pandoc.wasm, or
# a filter copied alone): build/newsc-filter.lua
filter-bundle:
	@lua5.4 tools/bundle-filter.lua build/newsc-filter.lua

# pandoc 3.x without C modules (pandoc.wasm from npm) for the filter specs
pandoc3:
	@sh tools/pandoc3/install.sh

# the pandoc filter's HTML report in headless Chromium: build/filter-*.png and
# a check of the rendered page
filter-shot: deps
	@command -v chromium >/dev/null || sh tools/deps.sh chromium
	@sh tools/filter-shot.sh

# the HTML report of examples/ in headless Chromium: build/crosscheck.png
html-shot: $(CORE)
	@command -v chromium >/dev/null || sh tools/deps.sh chromium
	@sh tools/html-shot.sh build/crosscheck.png

# regenerate the Word_Break table from Debian's unicode-data
gen:
	$(LUA_BIN) tools/gen_wbprop.lua /usr/share/unicode/auxiliary/WordBreakProperty.txt \
	  /usr/share/unicode/emoji/emoji-data.txt > csrc/wbprop.h

# eval "$(make -s env)": LUA_PATH / LUA_CPATH for this checkout, no install
env:
	@echo 'export LUA_PATH="$(CURDIR)/lua/?.lua;$(CURDIR)/lua/?/init.lua;;"'
	@echo 'export LUA_CPATH="$(CURDIR)/$(BUILD)/?.so;;"'

clean:
	rm -rf build

# regenerate csrc/lua_modules.h and the rockspecs' file lists
rockspec:
	lua5.4 tools/gen-rockspec.lua
