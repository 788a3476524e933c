#!/usr/bin/env bash
# Runs the token-validation benchmarks, prints their table and writes it to RESULTS.md.
#   benchmarks/run.sh    about 6.5 minutes on 2 cores; needs about 8 GB of free memory
# MAVEN_REPOSITORY: the local Maven repository, if not ~/.m2/repository.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/prerequisites.sh

version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
repo=${MAVEN_REPOSITORY:-$HOME/.m2/repository}
for bundle in api store tokens; do
    if [ ! -f "$repo/io/gatepass/gatepass-$bundle/$version/gatepass-$bundle-$version.jar" ]; then
        echo "Installing the Gatepass jars (tests skipped)..."
        mvn -B -q install -DskipTests
        break
    fi
done
echo "Building the benchmarks..."
mvn -B -q -f benchmarks/pom.xml package

cd benchmarks
# Each run generates its grants afresh (timed); later trials of the run reopen them.
rm -rf target/grant-stores target/jmh-*.json target/jmh-*.log
started=$SECONDS
for threads in 1 2; do
    java -jar target/benchmarks.jar TokenValidationBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s \
        -t "$threads" -foe true -rf json -rff "target/jmh-t$threads.json" \
        | tee "target/jmh-t$threads.log"
done
elapsed=$((SECONDS - started))

table=$(python3 report.py table target/jmh-t1.json target/jmh-t2.json)
setup=$(python3 report.py setup target/jmh-t1.log target/jmh-t2.log)
echo
echo "$table"

cat > RESULTS.md <<MARKDOWN
# Benchmark results

Token validation beside its floor. Written by \`benchmarks/run.sh\`; do not edit by hand.

$table

- **ops/s**: operations per second of all threads together, with JMH's 99.9% confidence error.
- **ns/op per thread**: threads × 10⁹ / ops/s, the time one call takes.
- **time / floor**: ns/op divided by the floor's ns/op at the same grants and threads
  (target for \`validateValid\`: at most 2; for the two rejections: below \`validateValid\`'s).
- **floor**: SHA-256 of a token's bytes and one \`ConcurrentHashMap<ByteBuffer, Object>\`
  lookup, in a map of 2 × grants entries, as many as the token index holds (each grant's
  access token and refresh token).
- Each thread validates its own access token, so threads do not write one grant's last-used
  time against each other.

## Setup

Grants are loaded through \`TokenService.generate\` from 64 threads (the credential check is an
instant fake), on the real embedded store with durable writes, so the store's group commit
shares each sync. The first trial generates them; later trials reopen the store.

$setup

Benchmark wall time, setup included: ${elapsed} s.

## Machine

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- Commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- ../bundles \
    || echo ", with uncommitted changes in bundles/")
- CPU: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1)
- Memory: $(free -g | awk '/^Mem:/ {print $2}') GB; benchmark JVMs run with -Xmx6g
- Java: $(java -version 2>&1 | head -n 2 | tr '\n' ' ')

## How to reproduce

\`\`\`
benchmarks/run.sh
\`\`\`

It installs the Gatepass jars if they are missing, builds the module (a standalone JMH uber
jar; it is not a module of the root build), and runs
\`java -jar target/benchmarks.jar TokenValidationBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -t T\`
for T = 1 and 2, with JSON results in \`benchmarks/target/jmh-t*.json\`.
MARKDOWN
echo
echo "Written to benchmarks/RESULTS.md (benchmark wall time ${elapsed} s)."
