#!/usr/bin/env bash
# Builds the benchmark jar and runs the side-by-side benchmarks in a bounded time (about 5 minutes
# for GetBench on 2 cores), writing docs/benchmarks/results.md and results.svg.
# Usage: vela-benchmarks/run-benchmarks.sh [benchmark regex ...]   (default: GetBench)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl vela-benchmarks -am package -DskipTests
exec java -cp vela-benchmarks/target/benchmarks.jar dev.vela.benchmarks.BenchmarkReport docs/benchmarks "$@"
