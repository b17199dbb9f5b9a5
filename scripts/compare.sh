#!/usr/bin/env bash
# Builds the same 10,000 synthetic Markdown articles with chiso, Hugo and
# Zola, each with minimal equivalent templates (scripts/compare/<tool>/):
# a base layout, the article page, the article list paginated by 10 and,
# where the tool has them, tag pages. Prints wall times and ratios as a
# Markdown block for README.md's "Performance" section.
#
#   scripts/compare.sh [WORKDIR]    (default: ${TMPDIR:-/tmp}/chiso-bench)
#
# Hugo: apt-get install -y hugo. Zola runs only when `zola` is on PATH.
# Uses hyperfine when installed (1 warm-up, 3 runs), else one timed run.
# Then, with Hugo and GNU time (apt-get install -y time), the paired run
# issue 18's targets are measured by: chiso and Hugo alternating, each into
# a new output folder (a new path each run), $PAIRS times (default 5), with the median ratio of
# their wall times and of their peak memory.
set -euo pipefail

cd "$(dirname "$0")/.."
here="$PWD/scripts/compare"
work="${1:-${TMPDIR:-/tmp}/chiso-bench}/compare"
mkdir -p "$work"
log="$work/compare.log"
: >"$log"
# Other jobs on the machine, before this one starts.
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# chiso as it is published: the `dist` profile, profile-guided
# (scripts/pgo-build.sh, about 8 minutes on 2 cores; a plain `dist` build,
# with a warning, where llvm-profdata is missing), or the binary CHISO
# names (one built before: CHISO=target/dist/chiso scripts/compare.sh).
if [[ -n "${CHISO:-}" ]]; then
    chiso="$(realpath "$CHISO")"
else
    PGO=auto scripts/pgo-build.sh >>"$log" 2>&1
    chiso="$PWD/target/dist/chiso"
fi
cargo build --release --quiet --example synth

# The articles, written once by the generator (regenerated when it changed).
src="$work/articles"
stamp=$(sha256sum src/synthetic.rs | cut -d' ' -f1)
if [[ ! -f "$src/.stamp" || "$(cat "$src/.stamp")" != "$stamp" ]]; then
    rm -rf "$src"
    target/release/examples/synth articles "$src" >>"$log"
    echo "$stamp" >"$src/.stamp"
fi

# chiso: the generated site (empty-but-valid data files) plus the templates.
rm -rf "$work/chiso" "$work/hugo" "$work/zola"
cp -r "$src" "$work/chiso"
cp -r "$here/chiso/templates" "$work/chiso/"

# Hugo: the same content folder, its config and layouts.
mkdir -p "$work/hugo"
cp -r "$src/content" "$here/hugo/hugo.toml" "$here/hugo/layouts" "$work/hugo/"

# Wall time in seconds (mean with hyperfine) of the command "$@"; with
# CLEAN=DIR, DIR is removed before each run, so the tool writes into an
# empty output folder.
time_it() {
    if command -v hyperfine >/dev/null; then
        local prepare=()
        if [[ -n "${CLEAN:-}" ]]; then
            prepare=(--prepare "rm -rf $CLEAN")
        fi
        hyperfine --style none --warmup 1 --runs 3 --export-csv "$work/hyperfine.csv" \
            "${prepare[@]}" "$*" >>"$log" 2>&1
        # command,mean,stddev,median,user,system,min,max: counted from the
        # end, as a quoted command may hold commas. "mean (min)".
        awk -F, 'NR == 2 { printf "%.2f (%.2f)", $(NF - 6), $(NF - 1) }' "$work/hyperfine.csv"
    else
        local start end
        if [[ -n "${CLEAN:-}" ]]; then
            rm -rf "$CLEAN"
        fi
        start=$(date +%s.%N)
        "$@" >>"$log" 2>&1
        end=$(date +%s.%N)
        awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }'
    fi
}

# Pages (HTML files) in an output folder.
pages() { find "$1" -name '*.html' | wc -l; }

names=() times=() counts=() notes=()
add() { names+=("$1"); times+=("$2"); counts+=("$3"); notes+=("$4"); }

# Each tool twice: into an empty output folder, and over its own previous
# output (what an editor's or CI's next build does; chiso then writes only
# the files that changed, Hugo writes every file again).
chiso_version=$("$chiso" --version | cut -d' ' -f2)
t=$(CLEAN="$work/chiso-public" time_it "$chiso" build --root "$work/chiso" --output "$work/chiso-public")
add "chiso $chiso_version" "$t" "$(pages "$work/chiso-public")" \
    "empty output; tag pages (paginated), search page, feed"
t=$(time_it "$chiso" build --root "$work/chiso" --output "$work/chiso-public")
add "chiso $chiso_version" "$t" "$(pages "$work/chiso-public")" \
    "over its previous output (no file changed, none written)"

if command -v hugo >/dev/null; then
    version=$(hugo version | awk '{ print $2 }' | cut -d+ -f1)
    t=$(CLEAN="$work/hugo-public" time_it hugo --quiet --source "$work/hugo" --destination "$work/hugo-public")
    add "hugo $version" "$t" "$(pages "$work/hugo-public")" "empty output; tag pages (paginated)"
    t=$(time_it hugo --quiet --source "$work/hugo" --destination "$work/hugo-public")
    add "hugo $version" "$t" "$(pages "$work/hugo-public")" "over its previous output; tag pages (paginated)"
    rm -rf "$work/hugo-public"
    t=$(time_it hugo --quiet --source "$work/hugo" --destination "$work/hugo-public" \
        --disableKinds taxonomy,term)
    add "hugo $version" "$t" "$(pages "$work/hugo-public")" "over its previous output; no tag pages"
else
    echo "hugo: skipped (not installed; apt-get install -y hugo)" >&2
fi

# Alternating pairs: "wall_seconds peak_kb" of one run of "$@", whose last
# argument is its output folder: a new path each run. (Deleting the folder
# and writing the same 11,000 files into it again measured ext4 more than
# the tool: right after `rm -rf`, creating them took chiso 4-6 s instead of
# 1.4 s; see PERFORMANCE.md.) The folders go after the last pair. The wall
# time is bash's clock around GNU time (which prints it in hundredths,
# truncated: chiso's 0.389 s was 0.38, 2 % off), so it includes starting
# GNU time, the same few milliseconds for both tools.
if [[ -z "${EPOCHREALTIME:-}" ]]; then
    echo "compare.sh needs bash 5 (EPOCHREALTIME) for its wall times" >&2
    exit 1
fi
measure() {
    local start=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$work/time.txt" "$@" >>"$log" 2>&1
    local end=$EPOCHREALTIME
    echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }') $(cat "$work/time.txt")"
}
paired=""
if command -v hugo >/dev/null && [[ -x /usr/bin/time ]]; then
    runs="$work/runs"
    rm -rf "$runs"
    mkdir -p "$runs"
    walls=() memories=()
    for ((i = 0; i < ${PAIRS:-5}; i++)); do
        read -r cw cm < <(measure "$chiso" build --root "$work/chiso" --output "$runs/chiso-$i")
        read -r hw hm < <(measure hugo --quiet --source "$work/hugo" --destination "$runs/hugo-$i")
        walls+=("$(awk -v a="$cw" -v b="$hw" 'BEGIN { printf "%.3f", a / b }')")
        memories+=("$(awk -v a="$cm" -v b="$hm" 'BEGIN { printf "%.3f", a / b }')")
        paired+="| $((i + 1)) | $cw | $hw | ${walls[-1]} | $((cm / 1024)) | $((hm / 1024)) | ${memories[-1]} |"$'\n'
    done
    rm -rf "$runs"
    median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
    paired+="| **median** | | | **$(median "${walls[@]}")** | | | **$(median "${memories[@]}")** |"
fi

zola_note=""
if command -v zola >/dev/null; then
    mkdir -p "$work/zola/content/tin-tuc"
    cp -r "$here/zola/config.toml" "$here/zola/templates" "$work/zola/"
    cp "$src/content/_index.md" "$work/zola/content/"
    cp "$here/zola/_index-tin-tuc.md" "$work/zola/content/tin-tuc/_index.md"
    # Zola's front matter: `description` for the summary, tags as a taxonomy.
    for f in "$src"/content/tin-tuc/*.md; do
        awk '
            /^\+\+\+$/ { fences++; if (fences == 2 && tags != "") print "[taxonomies]\n" tags }
            fences == 1 && /^summary = / { sub(/^summary/, "description") }
            fences == 1 && /^tags = / { tags = $0; next }
            { print }
        ' "$f" >"$work/zola/content/tin-tuc/$(basename "$f")"
    done
    t=$(time_it zola --root "$work/zola" build --output-dir "$work/zola-public" --force)
    add "zola $(zola --version | awk '{ print $2 }')" "$t" "$(pages "$work/zola-public")" \
        "with tag pages (paginated)"
else
    zola_note="zola: skipped (not installed)"
    echo "$zola_note" >&2
fi

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
load=$(cut -d' ' -f1-3 /proc/loadavg)
cat <<MD
The same 10,000 synthetic articles (about 600 words each, with a table, lists and links),
built with minimal equivalent templates (\`scripts/compare/\`): base layout, article page,
article list paginated by 10, and tag pages where the tool has them. Measured on
$(date -u +%Y-%m-%d), $(nproc) CPUs ($cpu). **Noisy: a shared $(nproc)-core machine** (load
average before the run $load_start, after it $load). Times are hyperfine's mean (min) of 3 runs.

\`\`\`sh
scripts/compare.sh   # needs hugo (apt-get install -y hugo); zola if on PATH
\`\`\`

| generator | pages | wall time (s) | × chiso (first row) | how |
|---|---:|---:|---:|---|
MD
for i in "${!names[@]}"; do
    ratio=$(awk -v a="${times[$i]}" -v b="${times[0]}" 'BEGIN { printf "%.2f", a / b }')
    echo "| ${names[$i]} | ${counts[$i]} | ${times[$i]} | $ratio | ${notes[$i]} |"
done
if [[ -n "$zola_note" ]]; then
    echo
    echo "$zola_note."
fi
if [[ -n "$paired" ]]; then
    cat <<MD

Paired: chiso and Hugo (tag pages, paginated) alternating, each into a new output folder (a new path each run)
(wall seconds by bash's clock, peak memory in MB by GNU time); targets 0.10× the wall time, 0.15× the memory.

| pair | chiso (s) | Hugo (s) | × wall | chiso (MB) | Hugo (MB) | × memory |
|---:|---:|---:|---:|---:|---:|---:|
$paired
MD
fi
