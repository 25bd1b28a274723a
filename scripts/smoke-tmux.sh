#!/usr/bin/env bash
# smoke-tmux.sh runs the real zkui binary against the demo ensemble in tmux,
# types as a person would and checks what the screen shows. It exits non-zero
# with the screen printed when something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-zookeeper.sh >/dev/null

work=$(mktemp -d)
sock="zkui-smoke-$$"
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/zkui" .
tmux -L "$sock" new-session -d -x 100 -y 30 -s smoke "$work/zkui demo --log $work/zkui.log"

screen() { tmux -L "$sock" capture-pane -p -t smoke; }
# expect TEXT: wait until the screen shows TEXT (60 s at most).
expect() {
	for _ in $(seq 600); do
		screen | grep -qF -- "$1" && { echo "ok: $1"; return 0; }
		sleep 0.1
	done
	echo "FAIL: the screen never showed: $1" >&2
	screen >&2
	exit 1
}
keys() { tmux -L "$sock" send-keys -t smoke "$@"; }

expect "zkui demo"
expect "kafka"
expect "secure [noauth]"
# Down to /config, open it, open payments, select app.yaml: its YAML shows.
keys j j j l
expect "payments"
keys j j l
expect "app.yaml"
keys j
expect "readTimeout: 5s"
# The Stat tab of the same node.
keys 2
expect "dataLength"
# The protected subtree explains how to get in.
keys G
for _ in $(seq 6); do keys k; done
keys 1
expect "--auth"
# Jump to a path with tab completion (the pauses let each answer land).
keys : C-u /val
sleep 0.3
keys Tab
expect "jump to: /values"
keys /se
sleep 0.3
keys Tab
expect "jump to: /values/settings.json.gz"
keys Enter
# A gzip value: inflated and marked; v cycles to the raw bytes in hex.
expect "gzip json"
expect '"ttlSeconds": 300'
keys v v
expect "00000000  1f 8b"
keys v v
# Filter the level as you type; n steps through the matches; esc clears.
keys /
keys u n
expect "filter: un"
keys Enter
expect "/values/unicode"
keys Escape
expect "large-text"
# History: back to where the jump came from (the locked node).
keys [
expect "may not read the node's data"
keys ]
expect "/values/unicode"
# Live: another client (kazoo, the independent Python client) changes the
# selected node; the tree and the data pane follow without a key.
addr=$(screen | grep -o 'server 127\.0\.0\.1:[0-9]*' | head -1 | cut -d' ' -f2)
set_motd() {
	/usr/bin/python3 - "$addr" "$1" <<'EOF'
import sys
from kazoo.client import KazooClient
zk = KazooClient(hosts=sys.argv[1])
zk.start()
zk.set("/config/motd.txt", sys.argv[2].encode())
zk.stop()
EOF
}
keys : C-u /config/motd.txt Enter
expect "Maintenance window"
set_motd "changed by another client"
expect "changed by another client"
# p pauses live updates (the header says stale); p again catches up.
keys p
expect "paused"
set_motd "changed while paused"
sleep 1
if screen | grep -qF "changed while paused"; then
	echo "FAIL: a change showed while paused" >&2
	screen >&2
	exit 1
fi
echo "ok: paused"
keys p
expect "changed while paused"
# Deep search over the whole tree: enter goes to the match.
keys s
keys feature
expect "feature-flags.json"
keys Enter
expect '"newRanking": true'
# The full help, grouped by concern.
keys ?
expect "Navigation"
expect "copy data"
keys ?
keys q
for _ in $(seq 100); do
	tmux -L "$sock" has-session -t smoke 2>/dev/null || { echo "ok: zkui quit"; exit 0; }
	sleep 0.1
done
echo "FAIL: zkui did not quit on q" >&2
exit 1
