#!/usr/bin/env bash
# Instructions executed by `sigma scan` per event, repeatable on a loaded machine: callgrind counts only
# the scan of MEASURED, after the rules are loaded and compiled and WARMUP was scanned (everything JIT-compiled).
# Usage: callgrind-scan.sh NAME BENCH_DIR RULES WARMUP.jsonl MEASURED.jsonl   (output: /tmp/cg/NAME.{out,log})
# CALLGRIND_EXTRA="--cache-sim=yes --LL=1048576,16,64" adds simulated cache misses (a 1 MB last level, as one core's L2 here).
# Then: callgrind_annotate /tmp/cg/NAME.out; managed frames resolve with /tmp/perf-PID.map (PID in the log).
set -euo pipefail
name=$1 bench=$2 rules=$3 warmup=$4 measured=$5
mkdir -p /tmp/cg
# Full JIT at once (no tiering, so no timing-dependent code), no AVX-512 (valgrind 3.19 lacks it), perf map for names.
export DOTNET_TieredCompilation=0 DOTNET_EnableAVX512F=0 DOTNET_EnableWriteXorExecute=0 DOTNET_PerfMapEnabled=1 DOTNET_gcConcurrent=0
log=/tmp/cg/$name.log go=/tmp/cg/$name.go
rm -f "$go"
valgrind --tool=callgrind ${CALLGRIND_EXTRA:-} --instr-atstart=no --callgrind-out-file=/tmp/cg/$name.out \
    dotnet "$bench/SigmaSharp.Benchmarks.dll" scan-steady "$rules" "$warmup" "$measured" "$go" > "$log" 2>&1 &
pid=$!
until grep -q "^warm" "$log"; do sleep 2; kill -0 $pid 2>/dev/null || { echo "died; see $log"; exit 1; }; done
callgrind_control -i on $pid >> "$log" 2>&1
touch "$go"
wait $pid
grep -E "^warm|^measured|Collected" "$log"
