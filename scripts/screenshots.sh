#!/usr/bin/env bash
# screenshots.sh regenerates screenshots/*.png from the real zkui binary
# running against the demo ensemble: tmux runs it at a fixed size, keys are
# sent as a person would type them, `tmux capture-pane -e` keeps the colours,
# aha turns the capture into HTML and headless Chromium renders that to PNG.
#
# Needs: tmux, aha, chromium (Debian packages; installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for tool in tmux aha chromium; do
	command -v "$tool" >/dev/null 2>&1 || need+=("$tool")
done
if ((${#need[@]})); then
	sudo=()
	[[ $(id -u) -ne 0 ]] && sudo=(sudo)
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" fonts-dejavu-core
fi
scripts/install-zookeeper.sh >/dev/null

work=$(mktemp -d)
sock="zkui-shots-$$"
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/zkui" .
cols=140 rows=40
tmux -L "$sock" new-session -d -x "$cols" -y "$rows" -s shots \
	"$work/zkui demo --log $work/zkui.log"

# wait_for TEXT: poll the screen until TEXT shows (60 s at most).
wait_for() {
	for _ in $(seq 600); do
		if tmux -L "$sock" capture-pane -p -t shots | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
	done
	echo "screenshots.sh: timed out waiting for: $1" >&2
	tmux -L "$sock" capture-pane -p -t shots >&2
	exit 1
}

keys() { tmux -L "$sock" send-keys -t shots "$@"; sleep 0.4; }

# shot NAME: capture the pane with colours and render it to screenshots/NAME.png.
shot() {
	local name=$1
	tmux -L "$sock" capture-pane -e -p -t shots >"$work/$name.ansi"
	{
		echo '<style>body{background:#1e1e2e;margin:0;padding:12px}'
		echo 'pre{font-family:"DejaVu Sans Mono",monospace;font-size:14px;line-height:1.2;margin:0}</style>'
		echo '<pre>'
		aha --no-header --black <"$work/$name.ansi"
		echo '</pre>'
	} >"$work/$name.html"
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$work/chrome" --hide-scrollbars \
		--window-size=$((cols * 9 + 24)),$((rows * 17 + 24)) \
		--screenshot="$PWD/screenshots/$name.png" "file://$work/$name.html" >/dev/null 2>&1
	echo "screenshots/$name.png"
}

source scripts/screenshots.keys
