#!/usr/bin/env bash
# install-zookeeper.sh installs what the integration tests of zkui need: a Java
# runtime, Debian's ZooKeeper server jars, the servlet API (for the AdminServer)
# and python3-kazoo (an independent client for cross-checks).
#
# It is idempotent: when everything is present it only prints the versions it
# found and "nothing to install". Otherwise it runs `apt-get update` once and
# installs the packages, then prints the versions.
set -euo pipefail

readonly ZK_JAR=/usr/share/java/zookeeper.jar
readonly SERVLET_JAR=/usr/share/java/servlet-api.jar
readonly PACKAGES=(zookeeper libservlet-api-java python3-kazoo default-jre-headless)
# Debian's python3-kazoo installs for the system interpreter; a python3 found
# first on PATH (pyenv, a virtualenv) would not see it.
PYTHON=/usr/bin/python3
if [[ ! -x $PYTHON ]]; then
	PYTHON=python3
fi
readonly PYTHON

# complete succeeds when everything is present; it prints one line per missing piece.
complete() {
	local gone=0
	if ! command -v java >/dev/null 2>&1; then
		echo "missing: java"
		gone=1
	fi
	if [[ ! -f $ZK_JAR ]]; then
		echo "missing: $ZK_JAR"
		gone=1
	fi
	if [[ ! -f $SERVLET_JAR ]]; then
		echo "missing: $SERVLET_JAR"
		gone=1
	fi
	if ! "$PYTHON" -c 'import kazoo' >/dev/null 2>&1; then
		echo "missing: $PYTHON module kazoo"
		gone=1
	fi
	return "$gone"
}

# pkgversion prints the installed version of a Debian package, or "not installed".
pkgversion() {
	dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "not installed"
}

versions() {
	# java -version writes to stderr; its first line names the runtime.
	echo "java:      $(java -version 2>&1 | head -n 1)"
	echo "zookeeper: $(pkgversion zookeeper) ($ZK_JAR)"
	echo "servlet:   $(pkgversion libservlet-api-java) ($SERVLET_JAR)"
	echo "kazoo:     $("$PYTHON" -c 'import kazoo.version as v; print(v.__version__)' 2>/dev/null ||
		pkgversion python3-kazoo)"
}

if complete; then
	versions
	echo "nothing to install"
	exit 0
fi

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
	if ! command -v sudo >/dev/null 2>&1; then
		echo "install-zookeeper.sh: not root and sudo is missing; run it as root" >&2
		exit 1
	fi
	SUDO=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
	apt-get install -y --no-install-recommends "${PACKAGES[@]}"

if complete; then
	versions
	echo "installed: ${PACKAGES[*]}"
else
	echo "install-zookeeper.sh: still incomplete after apt-get install" >&2
	exit 1
fi
