#!/usr/bin/env bash
# Runs every Gatepass test: unit tests, Pax Exam tests in the built distribution, and the
# end-to-end tests that start the distribution as a process.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh

command -v tar >/dev/null 2>&1 || fail "The end-to-end tests unpack the distribution with tar; install it."

echo "Java: $JAVA_HOME"
# install, not verify: StockKarafInstallIT installs Gatepass into a stock Karaf from the local
# Maven repository, where each module lands before the integration tests run.
mvn -B -V install "$@"
