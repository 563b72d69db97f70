#!/usr/bin/env bash
# Builds the benchmark jar and runs the side-by-side benchmarks in a bounded time (about 5 minutes
# for GetBench on 2 cores), writing docs/benchmarks/results.md (timings, hit ratios, bytes per entry)
# and docs/benchmarks/results.svg (the timings as a chart).
# Usage: vela-benchmarks/run-benchmarks.sh [benchmark regex ...]   (default: GetBench)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl vela-benchmarks -am package -DskipTests
jar=vela-benchmarks/target/benchmarks.jar
java -cp "$jar" dev.vela.benchmarks.BenchmarkReport docs/benchmarks "$@"
# exact, repeatable measurements beside the timings: hit ratios and bytes per entry
java -cp "$jar" dev.vela.benchmarks.EvictionBench >> docs/benchmarks/results.md
java -cp "$jar" dev.vela.benchmarks.MemoryBench >> docs/benchmarks/results.md
