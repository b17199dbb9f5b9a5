#!/usr/bin/env bash
# Builds chiso with profile-guided optimisation (PGO), as releases are built:
# the `dist` profile compiled once with instrumentation, that binary run on
# the example site and on the synthetic province, articles and national
# sites (src/synthetic.rs, without their share cards), and the `dist` profile compiled again with what
# the runs measured (which branches are taken, which calls are hot). The
# output of the binary is the same as a plain `--profile dist` build's; it
# is faster (PERFORMANCE.md, "Thirteenth session").
#
#   scripts/pgo-build.sh [TARGET]
#   → target/TARGET/dist/chiso (target/dist/chiso without TARGET)
#
# Needs llvm-profdata of the LLVM that rustc uses (`rustc -vV`): rustup's
# (`rustup component add llvm-tools`) or Debian's llvm-<major> package.
# The binary for TARGET must run on this machine, as it is run to measure.
# With PGO=auto in the environment, where the profile-guided build cannot
# be made (no such llvm-profdata, a target that does not run here), the
# plain `dist` build is made instead, with a warning saying why.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:-}"
if [[ "${PGO:-}" == "auto" ]]; then
  # Tried as a process of its own, where `set -e` holds (it does not in
  # the condition of an `if`).
  if PGO=1 "$0" "$@"; then
    exit 0
  fi
  echo "::warning::pgo-build.sh: no profile-guided build here (see above); building without PGO" >&2
  cargo build --locked --profile dist ${target:+--target "$target"} --bin chiso
  exit 0
fi
rustc_info="$(rustc -vV)"
host="$(sed -n 's/^host: //p' <<<"$rustc_info")"
llvm_major="$(sed -n 's/^LLVM version: \([0-9]*\).*/\1/p' <<<"$rustc_info")"
target_args=()
out_dir="target/dist"
if [[ -n "$target" ]]; then
  target_args=(--target "$target")
  out_dir="target/$target/dist"
fi

# llvm-profdata of rustc's LLVM major version: a profile is read only by
# the LLVM that wrote its format.
find_profdata() {
  local candidate
  for candidate in \
    "$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata" \
    "$(command -v "llvm-profdata-$llvm_major" || true)" \
    "$(command -v llvm-profdata || true)"; do
    if [[ -n "$candidate" && -x "$candidate" ]] &&
      "$candidate" merge --version 2>/dev/null | grep -q "LLVM version $llvm_major\."; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! profdata="$(find_profdata)"; then
  echo "pgo-build.sh: no llvm-profdata of LLVM $llvm_major (rustc's): rustup component add llvm-tools, or apt-get install llvm-$llvm_major" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# On Windows (Git Bash), a path native programs (rustc, chiso) read alike.
if command -v cygpath >/dev/null; then
  work="$(cygpath -m "$work")"
fi
profiles="$work/profiles"
# The two builds may differ only in RUSTFLAGS: cargo keeps symbol names the
# same across RUSTFLAGS, not across profile settings (a CARGO_PROFILE_DIST_*
# variable set for one build only gives a profile that matches no function,
# and a binary slower than a plain build; PERFORMANCE.md, "Thirteenth
# session"). Flags already set (RUSTFLAGS) are kept. The instrumented build has a
# target folder of its own, and flags that stay the same from run to run
# (the runs below name their profiles' place themselves), so that its
# dependencies are compiled once; the optimised build names this run's
# profile, so it is always compiled again.
flags="${RUSTFLAGS:-}"

echo "== pgo-build.sh: the instrumented build"
RUSTFLAGS="$flags -Cprofile-generate=$PWD/target/pgo-instrumented/profiles" \
  cargo build --locked --profile dist ${target_args[@]+"${target_args[@]}"} --bin chiso \
  --target-dir target/pgo-instrumented
instrumented="target/pgo-instrumented/${target:+$target/}dist/chiso"
[[ -x "$instrumented" ]] || instrumented="$instrumented.exe"

echo "== pgo-build.sh: measuring the builds of four sites"
# The sites' generator, built for this machine (it runs here, whatever
# TARGET is).
cargo build --locked --release --example synth
synth="target/release/examples/synth"
[[ -x "$synth" ]] || synth="$synth.exe"
# LLVM_PROFILE_FILE also tells chiso to end as processes usually do, so
# that the profile is written at exit (main.rs, exit_without_clean_up).
export LLVM_PROFILE_FILE="$profiles/chiso-%m-%p.profraw"
"$instrumented" build --root . --output "$work/out-example" --quiet
for spec in province articles national; do
  "$synth" "$spec" "$work/$spec" >/dev/null
  # Share cards are drawn only for the example site's pages: a new
  # synthetic site would draw thousands (minutes, and the profile would
  # say that drawing is all a build does), while a site's later builds
  # take them from its cache.
  printf '\n[share_cards]\nenabled = false\n' >>"$work/$spec/config.toml"
  "$instrumented" build --root "$work/$spec" --output "$work/out-$spec" --quiet
  rm -rf "$work/$spec" "$work/out-$spec"
done
unset LLVM_PROFILE_FILE
# A binary that ended with `_exit` would have written nothing (this is
# what checks main.rs's exit while a profile is collected).
if ! compgen -G "$profiles/*.profraw" >/dev/null; then
  echo "pgo-build.sh: the measured builds wrote no profile (chiso must end as processes usually do while LLVM_PROFILE_FILE is set: main.rs, exit_without_clean_up)" >&2
  exit 1
fi
"$profdata" merge -o "$work/chiso.profdata" "$profiles"

echo "== pgo-build.sh: the optimised build"
RUSTFLAGS="$flags -Cprofile-use=$work/chiso.profdata" \
  cargo build --locked --profile dist ${target_args[@]+"${target_args[@]}"} --bin chiso
echo "$out_dir/chiso (profile-guided)"
