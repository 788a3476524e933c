#!/usr/bin/env bash
# Runs every Gatepass test: unit tests, Pax Exam tests in the built distribution, and the
# end-to-end tests that start the distribution as a process.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh

command -v tar >/dev/null 2>&1 || fail "The end-to-end tests unpack the distribution with tar; install it."

# The web console's browser tests drive the system's headless Chromium through its driver.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        fail "The browser tests need Chromium: run 'apt-get install chromium chromium-driver' as root."
    fi
    { $sudo apt-get update && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; } \
        || fail "Could not install chromium and chromium-driver with apt-get; install them and run again."
fi

# The full-disk test (DiskFullIT) mounts a 16 MiB tmpfs for the store of the Karaf it starts.
if [ "$(id -u)" -ne 0 ] && ! sudo -n true >/dev/null 2>&1; then
    fail "The full-disk test mounts a small tmpfs: run ./test.sh as root or with passwordless sudo."
fi

echo "Java: $JAVA_HOME"
# install, not verify: StockKarafInstallIT installs Gatepass into a stock Karaf from the local
# Maven repository, where each module lands before the integration tests run.
mvn -B -V install "$@"
