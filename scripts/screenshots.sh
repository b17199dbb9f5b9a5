#!/bin/sh
# Regenerates the README's screenshots (docs/screenshots/*.png) of the example
# site: builds it with the release binary, serves it on a local port and
# photographs the home, a ranking and a unit page on a desktop and a phone
# screen. Needs chromium, node and `npm ci` (as the browser tests do).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$out"' EXIT
cd "$root"
cargo build --release --quiet
./target/release/chiso build --quiet --output "$out/public"
port=8765
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$out/public" >/dev/null 2>&1 &
server=$!
sleep 1
mkdir -p docs/screenshots
node scripts/screenshots.mjs "http://127.0.0.1:$port/" docs/screenshots
