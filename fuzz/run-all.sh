#!/usr/bin/env bash
# Usage: fuzz/run-all.sh MINUTES [HARNESS...]
# Builds the fuzz runner, instruments SigmaSharp and YamlDotNet with SharpFuzz (when the `sharpfuzz` tool is
# installed: coverage-guided; otherwise the loop runs blind), builds the seed corpora if missing, then runs every
# harness (or those named) in parallel at nice 19 until MINUTES have passed. A harness process that hangs or dies is
# restarted until the time is up. Per-harness figures: fuzz/results/<harness>.txt; findings: fuzz/results/<harness>/.
set -u
cd "$(dirname "$0")"
minutes=${1:?usage: run-all.sh MINUTES [HARNESS...]}
shift
bin=${FUZZ_BIN:-out/bin}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PATH="$PATH:$HOME/.dotnet/tools"

dotnet build SigmaSharp.Fuzz/SigmaSharp.Fuzz.csproj -c Release -o "$bin" -nologo -v q || exit 1
if command -v sharpfuzz >/dev/null 2>&1; then
    for dll in SigmaSharp.dll YamlDotNet.dll; do
        sharpfuzz "$bin/$dll" >/dev/null 2>&1 || echo "note: $dll not instrumented (already instrumented?)" >&2
    done
else
    echo "note: 'sharpfuzz' tool absent (dotnet tool install --global SharpFuzz.CommandLine): fuzzing without coverage" >&2
fi
[ -d corpus/logsource-maps ] || ./build-corpus.sh

harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || mapfile -t harnesses < <(dotnet "$bin/SigmaSharp.Fuzz.dll" list | cut -f1)
mkdir -p results
end=$(( $(date +%s) + minutes * 60 ))
# A crash that exhausts memory must not take the machine with it: each process gets a 1 GiB managed heap.
export DOTNET_GCHeapHardLimit=0x40000000 DOTNET_TieredPGO=0

for h in "${harnesses[@]}"; do
    kinds=$(dotnet "$bin/SigmaSharp.Fuzz.dll" list | awk -F'\t' -v h="$h" '$1 == h { print $2 }' | tr ',' ' ')
    seeds=()
    for k in $kinds; do seeds+=("corpus/$k"); done
    rm -rf "results/$h" "results/$h.txt" "results/$h.log"
    # The converters share the rule corpus: a sample of it is enough for each, the rules harness reads it all.
    case "$h" in convert-*) max=${FUZZ_CONVERT_SEEDS:-400} ;; *) max=${FUZZ_MAX_SEEDS:-0} ;; esac
    (
        while [ "$(date +%s)" -lt "$end" ]; do
            FUZZ_MAX_SEEDS=$max nice -n 19 dotnet "$bin/SigmaSharp.Fuzz.dll" run "$h" "results/$h" "@$end" "${seeds[@]}" >>"results/$h.log" 2>&1
        done
    ) &
done
wait
echo "done: $(date -u +%FT%TZ)"
for h in "${harnesses[@]}"; do
    printf '%-26s %s\n' "$h" "$(grep -E '^(execs|execs_per_sec|edges|crashes|hangs):' "results/$h.txt" 2>/dev/null | tr '\n' ' ')"
done | tee "results/summary-$(date +%H%M).txt"
