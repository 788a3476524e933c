#!/usr/bin/env bash
# Runs every benchmark, prints their tables and writes them to RESULTS.md: token validation
# (JMH, 1 and 2 threads), generate and refresh on the durable store (JMH, 1, 8 and 64 callers),
# then retained heap per grant and startup time at 100,000 and 1,000,000 grants.
#   benchmarks/run.sh    about 17 minutes on 2 cores (validation 6.5, generate and refresh 4.5,
#                        memory and startup 2, HTTP load with wrk against Gatepass and Keycloak 4);
#                        needs about 8 GB of free memory and 2 GB of disk.
#                        GATEPASS_SKIP_LOAD=1 leaves out the HTTP load test (benchmarks/load.sh).
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
rm -rf target/grant-stores target/issue-stores target/jmh-*.json target/jmh-*.log \
    target/memory*.json target/memory*.log target/startup*.json target/startup*.log
started=$SECONDS
for threads in 1 2; do
    java -jar target/benchmarks.jar TokenValidationBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s \
        -t "$threads" -foe true -rf json -rff "target/jmh-t$threads.json" \
        | tee "target/jmh-t$threads.log"
done
validation_elapsed=$((SECONDS - started))

# Every trial starts from an empty store, which its callers fill; 64 callers share each sync.
started=$SECONDS
for callers in 1 8 64; do
    java -jar target/benchmarks.jar TokenIssueBenchmark -f 1 -wi 2 -w 2s -i 4 -r 2s \
        -t "$callers" -foe true -rf json -rff "target/jmh-issue-t$callers.json" \
        | tee "target/jmh-issue-t$callers.log"
done
issue_elapsed=$((SECONDS - started))

# Each in a JVM of its own: startup must be a fresh process, as after a restart, and memory is
# measured in one that held nothing else. The serial collector compacts the whole heap on every
# full collection, so the heap it reports used is exactly what is live; object sizes are the same
# under every collector.
started=$SECONDS
measure="java -Xms6g -Xmx6g -cp target/benchmarks.jar io.gatepass.tokens.internal.MemoryAndStartup"
for grants in 100000 1000000; do
    $measure prepare "target/grant-stores/memory-$grants" "$grants" | tee -a target/memory-prepare.log
done
# Grants in use for a while: refreshed 17 times, so each keeps its 16 rotated refresh tokens.
$measure prepare target/grant-stores/memory-rotated-100000 100000 17 | tee -a target/memory-prepare.log
for run in 1 2 3; do
    $measure startup "target/startup-$run.json" target/grant-stores/memory-1000000 \
        | tee -a target/startup.log
done
java -XX:+UseSerialGC -Xmx6g -cp target/benchmarks.jar io.gatepass.tokens.internal.MemoryAndStartup \
    memory target/memory.json target/grant-stores/memory-100000 target/grant-stores/memory-1000000 \
    target/grant-stores/memory-rotated-100000 \
    | tee target/memory.log
memory_elapsed=$((SECONDS - started))

# The HTTP endpoints under wrk, Gatepass and then Keycloak, each alone on the machine.
started=$SECONDS
if [ "${GATEPASS_SKIP_LOAD:-0}" = 1 ]; then
    load_table="Not run this time (GATEPASS_SKIP_LOAD=1)."
else
    ./load.sh | tee target/load.log
    load_table=$(cat target/load.md)
fi
load_elapsed=$((SECONDS - started))
elapsed=$((validation_elapsed + issue_elapsed + memory_elapsed + load_elapsed))

table=$(python3 report.py table target/jmh-t1.json target/jmh-t2.json)
setup=$(python3 report.py setup target/jmh-t1.log target/jmh-t2.log)
issue_table=$(python3 report.py issue target/jmh-issue-t1.json target/jmh-issue-t8.json \
    target/jmh-issue-t64.json)
issue_setup=$(python3 report.py setup --once target/jmh-issue-t1.log)
memory_table=$(python3 report.py memory target/memory.json)
memory_setup=$(python3 report.py setup target/memory-prepare.log)
startup_table=$(python3 report.py startup target/startup-1.json target/startup-2.json \
    target/startup-3.json)
echo
echo "$table"
echo
echo "$issue_table"
echo
echo "$memory_table"
echo
echo "$startup_table"
echo
echo "$load_table"

cat > RESULTS.md <<MARKDOWN
# Benchmark results

Token validation, generation and refresh, each beside its floor, then the heap a grant takes and
the time a restart takes. Written by \`benchmarks/run.sh\`; do not edit by hand.

## Validation

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

### Setup

Grants are loaded through \`TokenService.generate\` from 64 threads (the credential check is an
instant fake), on the real embedded store with durable writes, so the store's group commit
shares each sync. The first trial generates them; later trials reopen the store.

$setup

## Generate and refresh

$issue_table

- **\`TokenService.generate\` / \`refresh\`**: the token service on the real embedded store,
  every write durable (forced) before the call returns; the credential check is an instant
  fake, so the time is Gatepass's own. Each caller refreshes grants of its own, 16 in turn, with
  each grant's current refresh token; those grants were refreshed 16 times first, so that their
  records are full size (16 rotated refresh tokens kept). Every trial starts with an empty store.
- **store alone**: \`JournalStore.write\` of a batch of the same records, with the same value
  bytes and key lengths (a new grant record and audit entry for generate; the caller's own grant
  record replaced and a new audit entry for refresh): the store's share of the time.
- **floor**: as many bytes as the operation's journal record, appended to one file through a
  bare group commit: one writer thread writes each group of waiting callers with one call and
  one \`FileChannel.force(false)\` (the force the store uses), then wakes them. No encoding, no
  checksum, nothing kept in memory: the least a durable write costs on this disk with this many
  callers. A force per call is no floor: with 8 callers the store's group commit beats it.
- **ops/s**: operations per second of all callers together, with JMH's 99.9% confidence error.
- **syncs/s**: forces of the store's journal (the floor: of its file) per second, from
  \`JournalStore.syncCount()\`. **calls per sync**: ops/s ÷ syncs/s, the callers that share one.
- **time / floor**: the floor's ops/s ÷ ops/s at the same operation and callers.
- **ops/s / 1 caller's**: ops/s ÷ the same row's ops/s with 1 caller (target: many times 1 at 64).

What one operation writes, as the token service wrote it (the floor appends as many bytes):

$issue_setup

## Memory

$memory_table

- **heap per grant**: heap used after full collections with the store and the token service
  loaded with N grants, minus the same with an empty store, divided by N (target: at most 300
  bytes). **the store's**: the same with the store alone open: its table of where each record is
  on disk. **the token service's**: the rest: grants, their token hashes and the two tables that
  find them.
- **rotated refresh tokens kept per grant**: 0 for grants just generated; the last row's grants
  were each refreshed 17 times, so each keeps the 16 rotated refresh tokens that reuse detection
  recognises, as a grant in use for a while does. The class breakdown is for the largest row of
  grants just generated.
- Measured after a restart: the grants are loaded from the store, as the service loads them when
  it starts. The store holds what a running service keeps: before measuring, the service's
  sweeper ran once, as it does at start, and trimmed the audit trail to its default cap of 10,000
  entries; those are counted in both parts and weigh more per grant at 100,000 grants.
- Not counted: the last-used times the OSGi component writes for grants in use (a \`grant-uses\`
  record per used grant, and an entry per grant in its write-behind map): the benchmark runs the
  service without it.

$memory_setup

## Startup

$startup_table

- Each run is a fresh JVM (-Xms6g -Xmx6g, default collector): the time to open the store with
  1,000,000 grants and recover its records, then for the token service to load its index from
  it, as the service does when it starts; the median and each run. The store's files were just
  written, so they are in the page cache; from a cold disk, add the time to read them.

## HTTP load (wrk on loopback)

$load_table

- \`wrk -t ${LOAD_THREADS:-2} -c ${LOAD_CONNECTIONS:-32} -d ${LOAD_SECONDS:-30}s --latency\` against each
  server in turn, on the same 2 cores as the server (\`benchmarks/load.sh\`,
  \`benchmarks/load/*.lua\`). Both servers run with a 1 GB heap.
- Each endpoint is first warmed up for 10 s (not reported), then measured.
- **refresh**: each request presents a refresh token never sent before: every wrk thread starts
  with its share of 128 freshly generated refresh tokens and then sends the one each answer
  brought, as a connector does. **introspection**: valid access tokens, round robin over 128.
  The app (Gatepass) or confidential client (Keycloak) authenticates with HTTP Basic.
- **not as expected**: answers other than 2xx, refresh answers without a new refresh token, and
  introspection answers that were not \`"active": true\`.
- **server CPU**, **wrk CPU**: CPU time of the server's JVM and of wrk during the run, as a share
  of all cores (100% = both cores busy).
- Keycloak: the distribution \`org.keycloak:keycloak-quarkus-dist\` from Maven Central,
  \`kc.sh start-dev\` on the Temurin 25 JDK, a realm with one confidential client (with an
  audience mapper, which 26.7 requires for introspection) and one user.

Benchmark wall time, setup included: ${elapsed} s (validation ${validation_elapsed} s, generate
and refresh ${issue_elapsed} s, memory and startup ${memory_elapsed} s, HTTP load ${load_elapsed} s).

## Machine

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- Commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- ../bundles \
    || echo ", with uncommitted changes in bundles/")
- CPU: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -n 1)
- Memory: $(free -g | awk '/^Mem:/ {print $2}') GB; validation JVMs run with -Xmx6g, generate and
  refresh with -Xmx4g, memory and startup with -Xmx6g
- Disk: $(df -T . | awk 'NR == 2 {print $2}') on $(df . | awk 'NR == 2 {print $1}')
- Java: $(java -version 2>&1 | head -n 2 | tr '\n' ' ')

## How to reproduce

\`\`\`
benchmarks/run.sh
\`\`\`

It installs the Gatepass jars if they are missing, builds the module (a standalone JMH uber
jar; it is not a module of the root build), and runs
\`java -jar target/benchmarks.jar TokenValidationBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -t T\`
for T = 1 and 2, then
\`java -jar target/benchmarks.jar TokenIssueBenchmark -f 1 -wi 2 -w 2s -i 4 -r 2s -t T\` for
T = 1, 8 and 64, with JSON results in \`benchmarks/target/jmh-*.json\`; then the main class
\`io.gatepass.tokens.internal.MemoryAndStartup\` of the same jar: \`prepare\` fills a store with
100,000 and with 1,000,000 grants, \`startup\` times three fresh starts at 1,000,000, and
\`memory\` measures both stores (JSON in \`benchmarks/target/startup-*.json\` and
\`memory.json\`).
MARKDOWN
echo
echo "Written to benchmarks/RESULTS.md (benchmark wall time ${elapsed} s)."
