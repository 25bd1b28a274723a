#!/usr/bin/env bash
# test.sh runs every check and test of zkui against real ZooKeeper servers:
# it installs what is missing (Java, Debian's ZooKeeper, the servlet API,
# kazoo), then checks formatting and generated code, then runs go vet and
# go test -race over the whole module.
#
# Pass -short to skip the integration tests that need a server.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-zookeeper.sh

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go'))
if [[ -n $unformatted ]]; then
	echo "gofmt would change:" >&2
	echo "$unformatted" >&2
	exit 1
fi

echo "== go generate (generated code must be up to date)"
go generate ./...
if ! git diff --quiet -- $(git ls-files '*zz_generated.go'); then
	echo "go generate changed generated files; run go generate ./... and commit the result:" >&2
	git diff --stat -- $(git ls-files '*zz_generated.go') >&2
	exit 1
fi

echo "== go vet"
go vet ./...

echo "== go test -race"
go test -race -timeout 15m "$@" ./...
