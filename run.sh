#!/usr/bin/env bash
# Builds what is missing (tests skipped) and starts the Gatepass demo distribution.
#   ./run.sh         build if needed, start, print where to go
#   ./run.sh stop    stop it
# Ports: GATEPASS_HTTP_PORT (default 8181), GATEPASS_SSH_PORT (default 8101).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/prerequisites.sh

http_port=${GATEPASS_HTTP_PORT:-8181}
ssh_port=${GATEPASS_SSH_PORT:-8101}
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
archive="karaf-distribution/target/gatepass-karaf-$version.tar.gz"
home="run/gatepass-karaf-$version"

if [ "${1:-}" = "stop" ]; then
    [ -x "$home/bin/stop" ] || fail "Nothing to stop: $home does not exist."
    pid=$(cat "$home/karaf.pid" 2>/dev/null || true)
    "$home/bin/stop"
    # bin/status says "Not Running" before the JVM has exited; wait for the JVM itself.
    for _ in $(seq 1 60); do
        [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || { echo "Gatepass has stopped."; exit 0; }
        sleep 1
    done
    fail "Karaf (pid $pid) is still running after 60 s; see $home/data/log/karaf.log"
fi

if [ ! -f "$archive" ] || [ -n "$(find bundles examples features karaf-distribution/src pom.xml \
        -newer "$archive" -type f -print -quit)" ]; then
    echo "Building Gatepass (tests skipped; ./test.sh runs them)..."
    mvn -B -q install -DskipTests -pl karaf-distribution -am \
        || fail "The build failed; the lines above say why."
fi

if [ -x "$home/bin/status" ] && "$home/bin/status" >/dev/null 2>&1; then
    fail "Gatepass is already running from $home. Stop it with './run.sh stop'."
fi

if [ ! -d "$home" ] || [ "$archive" -nt "$home" ]; then
    # A new build: unpack it, but keep the data of the previous run (apps, tokens, the vault's
    # key) and the connections configured in etc/.
    saved=$(mktemp -d)
    for kept in data/gatepass data/gatepass-keys; do
        if [ -d "$home/$kept" ]; then
            mkdir -p "$saved/data" && mv "$home/$kept" "$saved/data/"
        fi
    done
    for cfg in "$home"/etc/io.gatepass.client.connection-*.cfg; do
        if [ -f "$cfg" ]; then
            mkdir -p "$saved/etc" && mv "$cfg" "$saved/etc/"
        fi
    done
    rm -rf "$home" && mkdir -p run
    tar -xzf "$archive" -C run
    cp -a "$saved/." "$home/" && rm -rf "$saved"
    sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $http_port/" \
        "$home/etc/org.ops4j.pax.web.cfg"
    grep -q '^org.osgi.service.http.port' "$home/etc/org.ops4j.pax.web.cfg" \
        || echo "org.osgi.service.http.port = $http_port" >> "$home/etc/org.ops4j.pax.web.cfg"
    sed -i "s/^sshPort *=.*/sshPort = $ssh_port/" "$home/etc/org.apache.karaf.shell.cfg"
fi

"$home/bin/start"
echo "Starting Gatepass from $home ..."
for _ in $(seq 1 90); do
    if curl -s -o /dev/null "http://127.0.0.1:$http_port/system/console"; then
        break
    fi
    sleep 1
done
curl -s -o /dev/null "http://127.0.0.1:$http_port/system/console" \
    || fail "Karaf did not answer on port $http_port within 90 s; see $home/data/log/karaf.log"

cat <<INFO

Gatepass is running (embedded store in $home/data/gatepass).

  Client Apps:  http://localhost:$http_port/system/console/gatepass   (the web console tab; HTTP port $http_port)
  HTTP API:     http://localhost:$http_port/gatepass/oauth/token, .../api/admin/apps (README: HTTP endpoints)
  Example:      http://localhost:$http_port/data/items   (needs an access token with the role viewer)
  Karaf shell:  ssh -p $ssh_port karaf@localhost   or   $home/bin/client
  Log in as:    karaf / karaf

  This demo ships the user karaf with password karaf. Change it before anyone else can
  reach this server: edit $home/etc/users.properties.

  Try:  app:register --enable my-connector     then  app:list
  Connect an app (README): the example connector waits for a connection named 'example',
        then gatepass-client:import example and gatepass-client:list
  Stop: ./run.sh stop
INFO
