#!/usr/bin/env bash
# Benchmarks chiso on the synthetic province and national sites: full build
# time, pages per second, peak memory, and the in-memory re-render after one
# article and after one results file changed; then where a build's time goes.
#
#   scripts/bench.sh [WORKDIR]      (default: ${TMPDIR:-/tmp}/chiso-bench)
#
# Prints a Markdown block (machine, commands, tables) meant to be pasted as
# is into README.md's "Performance" section. Sites are generated once into
# WORKDIR and regenerated only when src/synthetic.rs changed. Uses hyperfine
# and GNU time when installed (Debian: apt-get install -y hyperfine time).
set -euo pipefail

cd "$(dirname "$0")/.."
work="${1:-${TMPDIR:-/tmp}/chiso-bench}"
mkdir -p "$work"
log="$work/bench.log"
: >"$log"
# Other jobs on the machine, before this one starts.
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# chiso as it is published: the `dist` profile, profile-guided
# (scripts/pgo-build.sh; a plain `dist` build, with a warning, where
# llvm-profdata is missing), or the binary CHISO names (one built before);
# the examples as `--release` makes them.
if [[ -n "${CHISO:-}" ]]; then
    chiso="$(realpath "$CHISO")"
else
    PGO=auto scripts/pgo-build.sh >>"$log" 2>&1
    chiso="$PWD/target/dist/chiso"
fi
cargo build --release --quiet --example synth --example rebuild
synth="$PWD/target/release/examples/synth"
rebuild="$PWD/target/release/examples/rebuild"

# Generates site $1 unless it is there and was made by this generator.
generate() {
    local spec=$1 dir="$work/$1"
    local stamp
    stamp=$(sha256sum src/synthetic.rs | cut -d' ' -f1)
    if [[ -f "$dir/.stamp" && "$(cat "$dir/.stamp")" == "$stamp" ]]; then
        return
    fi
    rm -rf "$dir"
    "$synth" "$spec" "$dir" >>"$log"
    echo "$stamp" >"$dir/.stamp"
}

# Wall time in seconds of one build (mean over runs with hyperfine).
build_time() {
    local dir=$1 out=$2 warmup=$3 runs=$4
    if command -v hyperfine >/dev/null; then
        hyperfine --style none --warmup "$warmup" --runs "$runs" \
            --export-csv "$work/hyperfine.csv" \
            "$chiso build --root $dir --output $out" >>"$log" 2>&1
        # command,mean,stddev,median,user,system,min,max: counted from the
        # end, as a quoted command may hold commas. "mean (min–max)".
        awk -F, 'NR == 2 { printf "%.2f (%.2f–%.2f)", $(NF - 6), $(NF - 1), $NF }' "$work/hyperfine.csv"
    else
        local start end
        start=$(date +%s.%N)
        "$chiso" build --root "$dir" --output "$out" >>"$log"
        end=$(date +%s.%N)
        awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
    fi
}

rows=()
stages=()
for spec in province national; do
    generate "$spec"
    dir="$work/$spec"
    out="$work/$spec-public"
    rm -rf "$out"
    # One build into an empty output under GNU time: page count, peak memory
    # and the "empty output" wall time. Then builds over that output, as an
    # editor or CI rebuilds (only changed files are written): hyperfine,
    # mean (min–max) of 5 runs, after a warm-up for the province site (the
    # national site's first build above is its warm-up).
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -v "$chiso" build --lang en --root "$dir" --output "$out" >"$work/$spec-build.txt" 2>&1
        rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/$spec-build.txt")
        rss=$(awk -v k="$rss_kb" 'BEGIN { printf "%.0f", k / 1024 }')
        # "Elapsed (wall clock) time (h:mm:ss or m:ss): 2:57.59"
        seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {
            n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]
            printf "%.2f", s }' "$work/$spec-build.txt")
    else
        seconds=$(build_time "$dir" "$out" 0 1)
        "$chiso" build --lang en --root "$dir" --output "$out" >"$work/$spec-build.txt" 2>&1
        rss="n/a"
    fi
    cold=$seconds
    if [[ $spec == province ]]; then
        seconds=$(build_time "$dir" "$out" 1 5)
    else
        seconds=$(build_time "$dir" "$out" 0 5)
    fi
    rm -rf "$out"
    # "Built N pages (M files) in X s into DIR" (in English: --lang en above)
    pages=$(awk '/^Built / { print $2 }' "$work/$spec-build.txt")
    # "1.23 (1.10)": pages per second of the mean.
    per_second=$(awk -v p="$pages" -v s="${seconds%% *}" 'BEGIN { printf "%.0f", p / s }')
    "$rebuild" "$dir" >"$work/$spec-rebuild.txt"
    value() { awk -F= -v k="$1" '$1 == k { print $2 }' "$work/$spec-rebuild.txt"; }
    results=$(find "$dir/data/results" -name '*.toml' -exec grep -c '^\[\[result\]\]' {} + |
        awk -F: '{ n += $NF } END { print n }')
    articles=$(find "$dir/content/tin-tuc" -name '*.md' | wc -l)
    rows+=("| $spec | $results | $articles | $pages | $cold | $seconds | $per_second | $rss | $(value rebuild_article_ms) | $(value rebuild_results_ms) | $(value session_article_ms) |")
    # The readable tables, before the key=value lines.
    stages+=("**$spec**" "" "$(awk '/^stage_/ { exit } { print }' "$work/$spec-rebuild.txt")" "")
done

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
load=$(cut -d' ' -f1-3 /proc/loadavg)
mem=$(free -h | awk '/^Mem:/ { print $2 }')
cat <<MD
Measured on $(date -u +%Y-%m-%d) with chiso $(git rev-parse --short HEAD): $(nproc) CPUs ($cpu),
$mem RAM. **Noisy: a shared $(nproc)-core machine**; other jobs ran at the same time (load
average before the run $load_start, after it $load), so take the figures as orders of magnitude.

\`\`\`sh
scripts/bench.sh     # generates the sites into \${TMPDIR:-/tmp}/chiso-bench, builds, prints this
\`\`\`

| site | results | articles | pages | full build, empty output (s) | full build over the last one (s) | pages/s | peak memory (MB) | re-render after an article changed (ms) | after a results file changed (ms) | \`serve\` after an article's body changed (ms) |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
$(printf '%s\n' "${rows[@]}")

Targets (issue 18): province < 0.1 s; national < 2 s with peak memory < 400 MB; any
single-file edit in \`chiso serve\` on the national site shown within 300 ms
(\`examples/serve_timings.rs\`). Full builds are \`chiso build\` wall times: into an empty output folder
(one run under GNU time, which also gives the peak memory), and over the previous build's
output, where only changed files are written (hyperfine: mean (min–max) of 5 runs; the
machine's speed drifts by ±30 % over minutes, which the range shows); pages/s is of the mean. Re-renders are \`chiso::render_site\`
in process after one change (\`examples/rebuild.rs\`): the full in-memory rebuild \`chiso serve\`
makes for any change except an edit to the body of existing articles, which its \`Session\`
re-renders alone: the last column, \`Session::rebuild\` told which article changed.

Where the time goes (one run of each stage, \`examples/rebuild.rs\`):

$(printf '%s\n' "${stages[@]}")
MD
