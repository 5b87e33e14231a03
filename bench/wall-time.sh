#!/usr/bin/env bash
# Process wall time of whole `sigma` runs over the SigmaHQ corpus, the way a user runs them.
# Publishes sigma as a native (ahead-of-time compiled) executable, the way it is shipped for speed — no JIT at
# start-up — then runs each command RUNS times and prints min / median.
# Usage: bench/wall-time.sh [RUNS]   (SIGMA_CORPUS as for the tests; needs clang, as Native AOT does on Linux)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
corpus=${SIGMA_CORPUS:-$(cd .. && pwd)/shared/corpus}
out=artifacts/sigma-native
dotnet publish src/SigmaSharp.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$out" >/dev/null
sigma="$PWD/$out/sigma"
cd "$corpus/sigmahq"
all_rules=(rules rules-emerging-threats rules-threat-hunting rules-compliance rules-placeholder deprecated)
converted=(rules rules-emerging-threats rules-threat-hunting)

measure() {
    local label=$1; shift
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
    done
    local sorted
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    printf '%-58s min %5d ms   median %5d ms\n' "$label" "$(echo "$sorted" | head -n 1)" "$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "load whole corpus (check --disable all, $(find "${all_rules[@]}" -name '*.yml' | wc -l) files)" "$sigma" check --disable all "${all_rules[@]}"
measure "check with all validators" "$sigma" check "${all_rules[@]}"
measure "convert -t splunk (rules, ET, TH)" "$sigma" convert -t splunk "${converted[@]}"
measure "convert to all seven seed targets in one run" "$sigma" convert -t powershell -t es-qs -t xpack-watcher -t graylog -t splunk -t logpoint -t grep "${converted[@]}"
measure "convert rules/ -t pysigma-splunk -p splunk_windows" "$sigma" convert -t pysigma-splunk -p splunk_windows rules
measure "convert rules/ -t pysigma-lucene -p ecs_windows" "$sigma" convert -t pysigma-lucene -p ecs_windows rules
