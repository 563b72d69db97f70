#!/usr/bin/env bash
# Compares subjects of one JMH benchmark in alternating single forks, round after round, and prints
# every round, the means and the ratios of the means as a Markdown table. On a machine whose speed
# drifts between forks (the same code has moved by 2x minutes apart), a ratio of means over rounds
# that alternate the subjects says more than one fork of each.
# Usage: vela-benchmarks/compare-rounds.sh [-r rounds] [-t threads] benchmark-regex param=value ...
#   e.g. vela-benchmarks/compare-rounds.sh -r 5 'GetBench.read$' cache=vela_or_default cache=caffeine cache=chm
# Each fork warms up 5 x 1 s and measures 5 x 1 s; build the jar first (see the README).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=5
threads=1
while getopts "r:t:" option; do
  case "$option" in
    r) rounds="$OPTARG" ;;
    t) threads="$OPTARG" ;;
    *) echo "usage: $0 [-r rounds] [-t threads] benchmark-regex param=value ..." >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [[ $# -lt 2 ]]; then
  echo "usage: $0 [-r rounds] [-t threads] benchmark-regex param=value ..." >&2
  exit 2
fi
benchmark="$1"
shift
subjects=("$@")
jar=vela-benchmarks/target/benchmarks.jar
[[ -f "$jar" ]] || { echo "no $jar: build it with mvn -q -pl vela-benchmarks -am package -DskipTests" >&2; exit 1; }
scores=$(mktemp)
csv=$(mktemp)
trap 'rm -f "$scores" "$csv"' EXIT

for ((round = 1; round <= rounds; round++)); do
  for subject in "${subjects[@]}"; do
    java -jar "$jar" "$benchmark" -p "$subject" -f 1 -wi 5 -i 5 -w 1s -r 1s -t "$threads" \
      -rf csv -rff "$csv" > /dev/null
    # the score is the fifth column of the one result line
    score=$(awk -F, 'NR == 2 { print $5 }' "$csv")
    echo "$round $subject $score" >> "$scores"
  done
done

awk -v subjects="${subjects[*]}" -v benchmark="$benchmark" -v threads="$threads" '
  BEGIN { count = split(subjects, names, " ") }
  { score[$1, $2] = $3; sum[$2] += $3; if ($1 > rounds) rounds = $1 }
  END {
    printf "%s, %d thread(s), score per round (JMH units)\n\n| round |", benchmark, threads
    for (i = 1; i <= count; i++) printf " %s |", names[i]
    printf "\n|---|"
    for (i = 1; i <= count; i++) printf "---:|"
    printf "\n"
    for (r = 1; r <= rounds; r++) {
      printf "| %d |", r
      for (i = 1; i <= count; i++) printf " %.1f |", score[r, names[i]]
      printf "\n"
    }
    printf "| mean |"
    for (i = 1; i <= count; i++) printf " %.1f |", sum[names[i]] / rounds
    printf "\n| / %s |", names[1]
    for (i = 1; i <= count; i++) printf " %.2fx |", sum[names[i]] / sum[names[1]]
    printf "\n"
  }' "$scores"
