#!/usr/bin/env bash
# Compares Vela's remote reads with another product's over alternating runs of RemoteGetMain, as
# compare-rounds.sh does for JMH: each round runs both products once, Vela first in odd rounds and
# second in even ones, so that a drift of the machine's speed during a run does not always favour the
# same product. Prints every round's throughput, median latency and CPU per call at one thread count,
# each round's ratios, and the ratios of the means, as a Markdown table.
# Usage: vela-benchmarks/remote-rounds.sh [-r rounds] [-t threads] [-p product] [-- extra RemoteGetMain options]
#   e.g. vela-benchmarks/remote-rounds.sh -r 8 -t 32 -p hazelcast
# Each round takes about a minute and a half per product with the defaults; build the jar first (see the README).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=6
threads=32
other=hazelcast
while getopts "r:t:p:" option; do
  case "$option" in
    r) rounds="$OPTARG" ;;
    t) threads="$OPTARG" ;;
    p) other="$OPTARG" ;;
    *) echo "usage: $0 [-r rounds] [-t threads] [-p product] [-- RemoteGetMain options]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
jar=vela-benchmarks/target/benchmarks.jar
[[ -f "$jar" ]] || { echo "no $jar: build it with mvn -q -pl vela-benchmarks -am package -DskipTests" >&2; exit 1; }
report=$(mktemp)
scores=$(mktemp)
trap 'rm -f "$report" "$scores"' EXIT

for ((round = 1; round <= rounds; round++)); do
  if ((round % 2 == 1)); then order="vela,$other"; else order="$other,vela"; fi
  java -cp "$jar" dev.vela.benchmarks.RemoteGetMain --products "$order" --threads "$threads" \
    --warmup-ms 3000 --measure-ms 6000 --out "$report" "$@" > /dev/null 2>&1
  # the first table's row for these threads: T | then ops, p50 / p99 and CPU per product, Vela's first
  awk -F'|' -v t="$threads" -v round="$round" -v other="$other" '
    $2 + 0 == t && !done {
      names[1] = "vela"; names[2] = other
      for (i = 1; i <= 2; i++) {
        ops = $(3 + 3 * (i - 1)); gsub(/[ ,]/, "", ops)
        split($(4 + 3 * (i - 1)), latency, "/"); p50 = latency[1] + 0
        cpu = $(5 + 3 * (i - 1)); gsub(/ /, "", cpu)
        printf "%d %s %s %s %s\n", round, names[i], ops, p50, cpu
      }
      done = 1
    }' "$report" >> "$scores"
done

awk -v other="$other" -v threads="$threads" '
  {
    ops[$1, $2] = $3; p50[$1, $2] = $4; cpu[$1, $2] = $5
    sumOps[$2] += $3; sumP50[$2] += $4; sumCpu[$2] += $5
    if ($1 > rounds) rounds = $1
  }
  END {
    printf "Remote get, %d thread(s): Vela beside %s, alternating runs\n\n", threads, other
    printf "| round | Vela ops/s | Vela p50 µs | Vela CPU µs/call | %s ops/s | %s p50 µs | %s CPU µs/call", other, other, other
    printf " | Vela / %s ops | Vela / %s p50 |\n", other, other
    printf "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    for (r = 1; r <= rounds; r++) {
      printf "| %d | %.0f | %.0f | %.1f | %.0f | %.0f | %.1f | %.2fx | %.2fx |\n", r, ops[r, "vela"], p50[r, "vela"],
        cpu[r, "vela"], ops[r, other], p50[r, other], cpu[r, other], ops[r, "vela"] / ops[r, other],
        p50[r, "vela"] / p50[r, other]
    }
    printf "| mean | %.0f | %.0f | %.1f | %.0f | %.0f | %.1f | %.2fx | %.2fx |\n", sumOps["vela"] / rounds,
      sumP50["vela"] / rounds, sumCpu["vela"] / rounds, sumOps[other] / rounds, sumP50[other] / rounds,
      sumCpu[other] / rounds, sumOps["vela"] / sumOps[other], sumP50["vela"] / sumP50[other]
  }' "$scores"
