#!/usr/bin/env bash
# Builds the seed corpora in fuzz/corpus/<kind>/ (gitignored) from the shared corpus (SIGMA_CORPUS, default
# ../shared/corpus beside the repository), the repository's own data and fixtures, and fuzz/seeds/.
# Corpus data is never committed: run this script on each machine.
set -eu
cd "$(dirname "$0")"
repo=$(cd .. && pwd)
shared=${SIGMA_CORPUS:-$repo/../shared/corpus}
out=corpus
rm -rf "$out"
mkdir -p "$out"/{rules,conditions,pipelines,configs,placeholders,mappings,logsource-maps,data-needed-maps,json,evtx-file,evtx-chunk}

for kind in seeds/*/; do
    kind=$(basename "$kind")
    cp seeds/"$kind"/* "$out/$kind/" 2>/dev/null || true
done

cp "$repo"/data/pipelines/*.yml "$out/pipelines/" 2>/dev/null || true
cp "$repo"/tests/SigmaSharp.Tests/fixtures/pipelines/*.yml "$out/pipelines/" 2>/dev/null || true
cp "$repo"/data/configs/*.yml "$out/configs/" 2>/dev/null || true
cp "$repo"/tests/SigmaSharp.Tests/fixtures/evaluation/placeholders.yml "$out/placeholders/" 2>/dev/null || true
cp "$repo"/tests/SigmaSharp.Tests/fixtures/events/*mapping*.yml "$out/mappings/" 2>/dev/null || true
cp "$repo"/tests/SigmaSharp.Tests/fixtures/events/*.json* "$out/json/" 2>/dev/null || true
cp "$repo"/data/logsources.yml "$repo"/tests/SigmaSharp.Tests/fixtures/evaluation/logsources-*.yml "$out/logsource-maps/" 2>/dev/null || true
cp "$repo"/data/datasources.yml "$out/data-needed-maps/" 2>/dev/null || true
cp "$repo"/tests/SigmaSharp.Tests/fixtures/cli/*.jsonl "$out/json/" 2>/dev/null || true
find "$repo"/tests/SigmaSharp.Tests/fixtures "$repo"/examples -name '*.yml' -size -64k 2>/dev/null | while read -r f; do
    cp "$f" "$out/rules/$(basename "$(dirname "$f")")_$(basename "$f")"
done

if [ -d "$shared" ]; then
    # Rules: every SigmaHQ rule under 64 KB (the harness's input cap), named by a hash of the path.
    find "$shared"/sigmahq -name '*.yml' -size -64k | sort | while read -r f; do
        cp "$f" "$out/rules/$(printf '%s' "$f" | md5sum | cut -c1-12).yml"
    done
    # Conditions: the distinct single-line conditions of those rules.
    grep -h -E '^\s+condition: ' "$out"/rules/*.yml | sed -E 's/^\s+condition: //' | sort -u | head -n 2000 | nl -nrz -w5 |
        while IFS=$'\t' read -r n cond; do printf '%s' "$cond" > "$out/conditions/c$n.txt"; done
    # JSON events: the regression events under 256 KB.
    find "$shared" -name '*.json' -size -256k | sort | head -n 300 | while read -r f; do
        cp "$f" "$out/json/$(printf '%s' "$f" | md5sum | cut -c1-12).json"
    done
    # EVTX: the file header and first two chunks of each sample (the harness caps inputs there), and each
    # sample's first chunk alone for the chunk harness.
    find "$shared" -name '*.evtx' | sort | head -n 150 | while read -r f; do
        name=$(printf '%s' "$f" | md5sum | cut -c1-12)
        head -c $((4096 + 2 * 65536)) "$f" > "$out/evtx-file/$name.evtx"
        dd if="$f" of="$out/evtx-chunk/$name.chunk" bs=4096 skip=1 count=16 status=none
        [ -s "$out/evtx-chunk/$name.chunk" ] || rm -f "$out/evtx-chunk/$name.chunk"
    done
else
    echo "no shared corpus at $shared: only our own seeds are used" >&2
fi

for d in "$out"/*/; do printf '%-14s %6d files\n' "$(basename "$d")" "$(find "$d" -type f | wc -l)"; done
