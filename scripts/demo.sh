#!/usr/bin/env bash
# demo.sh installs what is missing, then starts zkui on a throwaway local
# ZooKeeper filled with sample data. Everything stops when zkui exits.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-zookeeper.sh >/dev/null
exec go run . demo "$@"
