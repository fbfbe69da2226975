#!/usr/bin/env bash
# Unpacks the .deb without installing it (dpkg-deb -x), checks its control data, and starts the
# packaged app under Xvfb long enough to prove it runs: it must stay up and create its data files.
#   verify-deb.sh <work dir>
set -euo pipefail
work=$1
deb=$(find "$work"/deb -name "*.deb" -print -quit)
root=$(mktemp -d)
data=$(mktemp -d)
log="$work/verify-run.log"
trap 'rm -rf "$root" "$data"' EXIT

# written first, then read: `grep -q` in a pipeline stops reading at the first match, and the writer's SIGPIPE
# would fail the pipeline under pipefail now and then
dpkg-deb -I "$deb" > "$work/deb-info.txt"
grep -q "^ Depends:.*libgtk-3-0" "$work/deb-info.txt" || { echo "the .deb does not depend on libgtk-3-0" >&2; exit 1; }
dpkg-deb -x "$deb" "$root"
launcher=$(find "$root" -path '*/bin/Tessera' -type f -print -quit)
[ -x "$launcher" ] || { echo "no bin/Tessera launcher in $deb" >&2; exit 1; }
[ -n "$(find "$root" -name '*.desktop' -print -quit)" ] || { echo "no menu entry (.desktop) in $deb" >&2; exit 1; }
[ -n "$(find "$root" -name 'Tessera.png' -print -quit)" ] || { echo "no icon in $deb" >&2; exit 1; }

echo "starting $launcher under Xvfb"
TESSERA_DATA="$data" setsid timeout --kill-after=5 40 xvfb-run -a -s "-screen 0 1280x800x24" "$launcher" >"$log" 2>&1 &
runner=$!
alive=0
# proven once it has been up 12 s with its center database written (30 s at most)
for _ in $(seq 1 30); do
  sleep 1
  if ! kill -0 "$runner" 2>/dev/null; then
    break
  fi
  alive=$((alive + 1))
  if [ "$alive" -ge 12 ] && [ -n "$(find "$data" -name '*.mv.db' -print -quit)" ]; then
    break
  fi
done
if [ "$alive" -lt 12 ]; then
  echo "the packaged app exited after ${alive}s; its output:" >&2
  cat "$log" >&2
  exit 1
fi
kill -- -"$runner" 2>/dev/null || true
wait "$runner" 2>/dev/null || true
if [ -z "$(find "$data" -name '*.mv.db' -print -quit)" ]; then
  echo "the packaged app ran ${alive}s but created no center database in $data; its output:" >&2
  cat "$log" >&2
  exit 1
fi
echo "the packaged app ran ${alive}s headless and created its center database: OK"
