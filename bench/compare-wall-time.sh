#!/usr/bin/env bash
# Wall time of two native `sigma` builds, interleaved: on this VM the speed drifts by ~25% from minute to minute, so
# before and after are compared within each round (one run of each command per build per round, rounds PAUSE s apart).
# Usage: bench/compare-wall-time.sh BEFORE_SIGMA AFTER_SIGMA [ROUNDS] [PAUSE]   (SIGMA_CORPUS as for the tests)
# Prints one line per run (round, build, command, ms, load average), then the median and range per build and command.
set -euo pipefail
before=$(realpath "$1") after=$(realpath "$2") rounds=${3:-8} pause=${4:-20}
corpus=${SIGMA_CORPUS:-$(cd "$(dirname "$0")/../.." && pwd)/shared/corpus}
cd "$corpus/sigmahq"
commands=(
    "splunk|-t splunk rules rules-emerging-threats rules-threat-hunting"
    "seven|-t powershell -t es-qs -t xpack-watcher -t graylog -t splunk -t logpoint -t grep rules rules-emerging-threats rules-threat-hunting"
    "pysigma-splunk|-t pysigma-splunk -p splunk_windows rules"
    "pysigma-lucene|-t pysigma-lucene -p ecs_windows rules"
)
results=$(mktemp)
for round in $(seq "$rounds"); do
    for build in before after; do
        binary=${!build}
        for command in "${commands[@]}"; do
            name=${command%%|*}
            read -r -a args <<< "${command#*|}"
            start=$(date +%s%N)
            "$binary" convert "${args[@]}" >/dev/null 2>&1 || true
            end=$(date +%s%N)
            echo "$round $build $name $(( (end - start) / 1000000 )) $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$results"
        done
    done
    [ "$round" -lt "$rounds" ] && sleep "$pause"
done
echo
for build in before after; do
    for command in "${commands[@]}"; do
        name=${command%%|*}
        sorted=$(awk -v b="$build" -v n="$name" '$2 == b && $3 == n { print $4 }' "$results" | sort -n)
        count=$(echo "$sorted" | wc -l)
        printf '%-7s %-15s median %5d ms   range %5d-%d ms\n' "$build" "$name" \
            "$(echo "$sorted" | sed -n "$(( (count + 1) / 2 ))p")" "$(echo "$sorted" | head -n 1)" "$(echo "$sorted" | tail -n 1)"
    done
done
rm -f "$results"
