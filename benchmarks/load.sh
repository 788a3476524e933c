#!/usr/bin/env bash
# HTTP load test with wrk on loopback: Gatepass and Keycloak side by side, the refresh grant and
# introspection, 30 s each. Prints a Markdown table and writes it to benchmarks/target/load.md
# (benchmarks/run.sh puts it into RESULTS.md).
#   benchmarks/load.sh    about 4 minutes; needs wrk (Debian package), the built distribution
#                         (mvn install), and the Keycloak distribution from Maven Central, which
#                         runs on the Temurin 25 JDK under /usr/lib/jvm (KEYCLOAK_JAVA_HOME).
# LOAD_SECONDS, LOAD_CONNECTIONS, LOAD_THREADS: wrk's duration (30), connections (32), threads (2).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/prerequisites.sh

keycloak_version=26.7.3
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
repo=${MAVEN_REPOSITORY:-$HOME/.m2/repository}
distribution="karaf-distribution/target/gatepass-karaf-$version.tar.gz"
keycloak="$repo/org/keycloak/keycloak-quarkus-dist/$keycloak_version/keycloak-quarkus-dist-$keycloak_version.tar.gz"

if ! command -v wrk >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        apt-get install -y wrk >/dev/null || fail "Could not install wrk with apt-get."
    else
        fail "The load test needs wrk: run 'apt-get install wrk' as root."
    fi
fi
keycloak_java=${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$keycloak_java/bin/java" ] || fail "Keycloak $keycloak_version needs Java 21 or newer: set KEYCLOAK_JAVA_HOME."
if [ ! -f "$distribution" ]; then
    echo "Building the Gatepass distribution (tests skipped)..."
    mvn -B -q install -DskipTests
fi
if [ ! -f "$keycloak" ]; then
    echo "Fetching Keycloak $keycloak_version from Maven Central..."
    mvn -B -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$keycloak_version:tar.gz" \
        -Dtransitive=false
fi

mkdir -p benchmarks/target/load
KEYCLOAK_JAVA_HOME="$keycloak_java" python3 benchmarks/load/load.py "$distribution" "$keycloak" \
    benchmarks/target/load benchmarks/target/load.md
