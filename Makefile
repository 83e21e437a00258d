# The two set-up commands a newcomer needs (README.md): `make run` and `make test`.
# Both install what is missing (scripts/install-deps.sh), then build Release into build/.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
DB ?= demo.heliosdb

.PHONY: all deps configure build run test bench format clean

all: build

deps:
	@bash scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) > /dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@$(BUILD_DIR)/bin/heliosdb-nano $(DB)

test: build
	@bash scripts/run-tests.sh $(BUILD_DIR)

bench: deps
	@cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DHELIOS_BUILD_BENCH=ON > /dev/null
	@cmake --build build-bench -j $(JOBS)

format:
	@git ls-files '*.h' '*.cc' | xargs clang-format -i

clean:
	@rm -rf $(BUILD_DIR) build-bench
