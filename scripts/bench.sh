#!/usr/bin/env bash
# bench.sh measures zkui side by side with go-zookeeper/zk on one real
# ZooKeeper server (started in a temporary directory, loopback only) and
# prints one markdown table with each figure's median, spread, target and
# pass/fail (internal/benchrun). It installs what is missing first.
#
# It takes about 5 to 8 minutes and exits 1 when a figure misses its
# target, 2 when it could not measure. Flags go to the harness, e.g.
# `scripts/bench.sh -runs 7` or `scripts/bench.sh -runs 2 -leaves 5` for a
# quick look. It is not part of scripts/test.sh: timings are not tests.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-zookeeper.sh >&2

exec go run ./internal/benchrun "$@"
