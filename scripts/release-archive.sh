#!/usr/bin/env bash
# Builds chiso for one target and packs it exactly as the release workflow
# (.github/workflows/release.yml) does, into dist/:
#
#   scripts/release-archive.sh x86_64-unknown-linux-musl
#   → dist/chiso-v0.1.0-x86_64-unknown-linux-musl.tar.gz
#     dist/chiso-v0.1.0-x86_64-unknown-linux-musl.tar.gz.sha256
#
# Windows targets give a .zip. The archive holds one folder,
# chiso-v<version>-<target>/, with the binary and README.md; the .sha256
# file is in `sha256sum` format, so `sha256sum -c` checks a download. On
# Linux the musl targets need the target (`rustup target add`) and a musl C
# compiler for mimalloc (Debian: `apt-get install musl-tools`); the binary is
# static and runs on any Linux of its architecture. PGO=1 builds it with
# profile-guided optimisation (scripts/pgo-build.sh), as releases are;
# BINARY=path packs that binary without building.
set -euo pipefail

target="${1:?usage: scripts/release-archive.sh TARGET (e.g. x86_64-unknown-linux-musl)}"
cd "$(dirname "$0")/.."

version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
name="chiso-v${version}-${target}"
case "$target" in
  *windows*) exe="chiso.exe" ;;
  *) exe="chiso" ;;
esac

# The `dist` profile (Cargo.toml): the release profile optimised as one
# unit; with PGO=1 (the release workflow) also profile-guided, as
# scripts/pgo-build.sh says (PGO=auto: profile-guided where llvm-profdata
# is found).
# BINARY=path packs a binary built already instead (.ci/run checks this
# script on the binary of its README build, named for the host's target).
binary="target/$target/dist/$exe"
if [ -n "${BINARY:-}" ]; then
  binary="$BINARY"
else
  case "${PGO:-0}" in
    0) cargo build --locked --profile dist --target "$target" ;;
    *) scripts/pgo-build.sh "$target" ;;
  esac
fi

rm -rf "dist/$name"
mkdir -p "dist/$name"
cp "$binary" "dist/$name/$exe"
cp README.md "dist/$name/"

cd dist
case "$target" in
  *windows*)
    archive="$name.zip"
    rm -f "$archive"
    if command -v 7z >/dev/null; then
      7z a -tzip -bso0 "$archive" "$name"
    else
      zip -qr "$archive" "$name"
    fi
    ;;
  *)
    archive="$name.tar.gz"
    # Sorted names, fixed owner and time: the same binary gives the same archive.
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='@0' \
      -czf "$archive" "$name" 2>/dev/null \
      || tar -czf "$archive" "$name"
    ;;
esac
rm -rf "$name"

if command -v sha256sum >/dev/null; then
  sha256sum "$archive" >"$archive.sha256"
else
  shasum -a 256 "$archive" >"$archive.sha256"
fi
echo "dist/$archive"
cat "$archive.sha256"
