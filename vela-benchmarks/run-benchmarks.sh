#!/usr/bin/env bash
# Builds the benchmark jar and runs the side-by-side benchmarks in a bounded time (about 5 minutes
# for GetBench on 2 cores), writing docs/benchmarks/results.md (timings, hit ratios, bytes per entry)
# and docs/benchmarks/results.svg (the timings as a chart).
# Usage: vela-benchmarks/run-benchmarks.sh [--topology] [benchmark regex ...]   (default: GetBench)
#   --topology  also runs TopologyBench (every topology beside Hazelcast and Lettuce, one thread):
#               about 5 to 7 more minutes on 2 cores
set -euo pipefail
cd "$(dirname "$0")/.."
patterns=()
topology=false
for arg in "$@"; do
  if [[ "$arg" == "--topology" ]]; then
    topology=true
  else
    patterns+=("$arg")
  fi
done
if [[ ${#patterns[@]} -eq 0 ]]; then
  patterns=(GetBench)
fi
if [[ "$topology" == true ]]; then
  patterns+=(TopologyBench)
fi
mvn -q -B -pl vela-benchmarks -am package -DskipTests
jar=vela-benchmarks/target/benchmarks.jar
java -cp "$jar" dev.vela.benchmarks.BenchmarkReport docs/benchmarks "${patterns[@]}"
# exact, repeatable measurements beside the timings: hit ratios (eviction.md, from the shared
# traces) and bytes per entry
java -cp "$jar" dev.vela.benchmarks.EvictionBench docs/benchmarks > /dev/null
java -cp "$jar" dev.vela.benchmarks.MemoryBench >> docs/benchmarks/results.md
