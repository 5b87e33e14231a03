#!/usr/bin/env bash
# Usage: fuzz/run-afl.sh HARNESS MINUTES
# Runs one harness under AFL++ (Debian: apt-get install -y afl++) through SharpFuzz's fork server. Needs the
# `sharpfuzz` tool (dotnet tool install --global SharpFuzz.CommandLine). Findings: fuzz/results/afl-HARNESS/.
set -u
cd "$(dirname "$0")"
harness=${1:?usage: run-afl.sh HARNESS MINUTES}
minutes=${2:?usage: run-afl.sh HARNESS MINUTES}
bin=out/bin-afl
export PATH="$PATH:$HOME/.dotnet/tools" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install -y afl++" >&2; exit 1; }
dotnet build SigmaSharp.Fuzz/SigmaSharp.Fuzz.csproj -c Release -o "$bin" -nologo -v q || exit 1
for dll in SigmaSharp.dll YamlDotNet.dll; do sharpfuzz "$bin/$dll" >/dev/null 2>&1 || true; done
[ -d corpus/logsource-maps ] || ./build-corpus.sh
kind=$(dotnet "$bin/SigmaSharp.Fuzz.dll" list | awk -F'\t' -v h="$harness" '$1 == h { print $2 }' | cut -d, -f1)
# AFL wants small seeds: the 200 smallest files of the harness's corpus.
seeds=$(mktemp -d)
find "corpus/$kind" -type f -size -16k -printf '%s %p\n' | sort -n | head -n 200 | cut -d' ' -f2- | xargs -r cp -t "$seeds"
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
mkdir -p results
nice -n 19 afl-fuzz -i "$seeds" -o "results/afl-$harness" -t 10000 -m none -V $((minutes * 60)) \
    -- dotnet "$bin/SigmaSharp.Fuzz.dll" afl "$harness"
grep -E 'execs_done|execs_per_sec|corpus_count|edges_found|saved_crashes|saved_hangs' "results/afl-$harness/default/fuzzer_stats"
