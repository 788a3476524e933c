#!/usr/bin/env python3
"""HTTP load test with wrk on loopback: Gatepass beside Keycloak, refresh grant and introspection.

Starts the built Gatepass distribution and the Keycloak distribution from Maven Central (dev mode),
each alone on the machine in turn, prepares an app or client, a user and a pool of tokens through
their admin APIs, runs wrk for each endpoint and prints a Markdown table: requests/s, p50, p99,
answers that were not the expected one, and the CPU share of server and load generator.

    load.py <gatepass-distribution.tar.gz> <keycloak-dist.tar.gz> <work folder> <out.md>
Environment: KEYCLOAK_JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64), LOAD_SECONDS (30),
LOAD_CONNECTIONS (32), LOAD_THREADS (2), LOAD_WARMUP_SECONDS (10, per endpoint, not reported),
LOAD_ONLY (gatepass or keycloak: one side only, for a quick look).
"""
import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SECONDS = int(os.environ.get("LOAD_SECONDS", "30"))
CONNECTIONS = int(os.environ.get("LOAD_CONNECTIONS", "32"))
THREADS = int(os.environ.get("LOAD_THREADS", "2"))
SEEDS = CONNECTIONS * 4
WARMUP = int(os.environ.get("LOAD_WARMUP_SECONDS", "10"))
USER, PASSWORD = "load-user", "Load-Pw-8d3k1"
TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, headers=None, form=None):
    data = None
    headers = dict(headers or {})
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            text = answer.read().decode()
            return answer.status, answer.headers, text
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def basic(user, password):
    pair = urllib.parse.quote(user, safe="") + ":" + urllib.parse.quote(password, safe="")
    return "Basic " + base64.b64encode(pair.encode()).decode()


def wait_for(what, check, seconds=240):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit(f"load.py: {what} did not happen within {seconds} s")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def run_wrk(script, url, path, authorization, tokens_file, server_pid, seconds):
    env = dict(os.environ, LOAD_TOKENS_FILE=tokens_file, LOAD_PATH=path, LOAD_AUTHORIZATION=authorization,
               LOAD_THREADS=str(THREADS))
    server_before = cpu_seconds(server_pid)
    children_before = os.times()
    started = time.time()
    output = subprocess.run(["wrk", "-t", str(THREADS), "-c", str(CONNECTIONS), "-d", f"{seconds}s", "--latency",
                             "-s", os.path.join(HERE, script), url], env=env, capture_output=True, text=True,
                            check=True).stdout
    wall = time.time() - started
    children_after = os.times()
    server_cpu = cpu_seconds(server_pid) - server_before
    wrk_cpu = (children_after.children_user - children_before.children_user
               + children_after.children_system - children_before.children_system)
    cores = os.cpu_count()
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency(output, "50%"),
        "p99": latency(output, "99%"),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "non2xx": int((re.search(r"Non-2xx or 3xx responses: (\d+)", output) or [0, 0])[1]),
        "unexpected": int(re.search(r": (\d+)\n?$", output.strip() + "\n").group(1)),
        "server_cpu": 100 * server_cpu / (wall * cores),
        "wrk_cpu": 100 * wrk_cpu / (wall * cores),
        "raw": output,
    }


def latency(output, percentile):
    value, unit = re.search(rf"^\s+{re.escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def write_lines(path, lines):
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")


def set_property(path, key, value):
    with open(path) as f:
        text = f.read()
    line = f"{key} = {value}"
    text, count = re.subn(rf"^#?\s*{re.escape(key)}\s*=.*$", line, text, flags=re.M)
    with open(path, "w") as f:
        f.write(text if count else text + "\n" + line + "\n")


def gatepass(archive, work):
    folder = os.path.join(work, "gatepass")
    shutil.rmtree(folder, ignore_errors=True)
    with tarfile.open(archive) as tar:
        tar.extractall(folder)
    home = os.path.join(folder, os.listdir(folder)[0])
    port = free_port()
    set_property(f"{home}/etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", port)
    set_property(f"{home}/etc/org.apache.karaf.shell.cfg", "sshPort", free_port())
    set_property(f"{home}/etc/org.apache.karaf.management.cfg", "rmiRegistryPort", free_port())
    set_property(f"{home}/etc/org.apache.karaf.management.cfg", "rmiServerPort", free_port())
    with open(f"{home}/etc/users.properties", "a") as users:
        users.write(f"\n{USER} = {PASSWORD},viewer\n")
    with open(f"{home}/etc/io.gatepass.rest.cfg", "w") as rest:
        rest.write("throttleFailures = 1000000\n")
    env = dict(os.environ, JAVA_MIN_MEM="1g", JAVA_MAX_MEM="1g")
    subprocess.run([f"{home}/bin/start"], env=env, check=True)
    base = f"http://127.0.0.1:{port}"
    wait_for("Gatepass answering", lambda: http("GET", base + "/gatepass/api/whoami")[0] == 401)
    admin = {"Authorization": basic("karaf", "karaf")}
    status, _, text = http("POST", base + "/gatepass/api/admin/apps", {"id": "load", "enabled": True}, admin)
    assert status == 201, text
    secret = json.loads(text)["client_secret"]
    # Grants of their own for each run: a refresh run rotates its grants, whose first access
    # tokens then leave the index, and a refresh token is sent once.
    pairs = []
    for _ in range(3 * SEEDS):
        status, _, text = http("POST", base + "/gatepass/api/admin/apps/load/tokens",
                               {"username": USER, "password": PASSWORD}, admin)
        assert status == 201, text
        pairs.append(json.loads(text))
    with open(f"{home}/karaf.pid") as f:
        pid = int(f.read().strip())
    try:
        return measure("Gatepass", "rotated on every refresh, written durably (fsync) before the answer",
                       base, "/gatepass/oauth/token", "/gatepass/oauth/introspect", basic("load", secret),
                       pairs, pid, work)
    finally:
        subprocess.run([f"{home}/bin/stop"], check=False)
        wait_for("Gatepass stopping", lambda: not os.path.exists(f"/proc/{pid}"), 120)


def java_under(home):
    """@return the pid of the JVM whose command line names the folder (kc.sh does not exec it)."""
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    cmdline = f.read().decode(errors="replace")
            except OSError:
                continue
            if home in cmdline and "java" in cmdline.split("\0")[0]:
                return int(entry)
    return None


def keycloak(archive, work):
    folder = os.path.join(work, "keycloak")
    shutil.rmtree(folder, ignore_errors=True)
    with tarfile.open(archive) as tar:
        tar.extractall(folder)
    home = os.path.join(folder, os.listdir(folder)[0])
    port, management = free_port(), free_port()
    env = dict(os.environ, JAVA_HOME=os.environ.get("KEYCLOAK_JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"),
               KC_BOOTSTRAP_ADMIN_USERNAME="admin", KC_BOOTSTRAP_ADMIN_PASSWORD="admin",
               JAVA_OPTS_KC_HEAP="-Xms1g -Xmx1g")
    env["PATH"] = env["JAVA_HOME"] + "/bin:" + env["PATH"]
    log = open(os.path.join(work, "keycloak.log"), "w")
    process = subprocess.Popen([f"{home}/bin/kc.sh", "start-dev", f"--http-port={port}", "--http-host=127.0.0.1",
                                f"--http-management-port={management}"], env=env, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for("Keycloak answering", lambda: http("GET", base + "/realms/master")[0] == 200, 300)
        token = json.loads(http("POST", base + "/realms/master/protocol/openid-connect/token", form={
            "grant_type": "password", "client_id": "admin-cli", "username": "admin", "password": "admin"})[2])
        admin = {"Authorization": "Bearer " + token["access_token"]}
        secret = "load-client-secret-6f2a9c"
        for path, body in [
            ("/admin/realms", {"realm": "bench", "enabled": True}),
            ("/admin/realms/bench/clients", {
                "clientId": "load", "enabled": True, "publicClient": False, "secret": secret,
                "directAccessGrantsEnabled": True, "standardFlowEnabled": False,
                # Keycloak 26.7 introspects only tokens whose audience holds the caller.
                "protocolMappers": [{"name": "audience", "protocol": "openid-connect",
                                     "protocolMapper": "oidc-audience-mapper",
                                     "config": {"included.client.audience": "load", "access.token.claim": "true",
                                                "introspection.token.claim": "true"}}]}),
            ("/admin/realms/bench/users", {
                "username": USER, "enabled": True, "email": "load-user@example.test", "emailVerified": True,
                "firstName": "Load", "lastName": "User",
                "credentials": [{"type": "password", "value": PASSWORD, "temporary": False}]}),
        ]:
            status, _, text = http("POST", base + path, body, admin)
            assert status == 201, f"{path}: {status} {text}"
        pairs = []
        for _ in range(3 * SEEDS):
            status, _, text = http("POST", base + "/realms/bench/protocol/openid-connect/token", form={
                "grant_type": "password", "username": USER, "password": PASSWORD, "scope": "openid"},
                headers={"Authorization": basic("load", secret)})
            assert status == 200, text
            pairs.append(json.loads(text))
        pid = java_under(home) or process.pid
        return measure("Keycloak 26.7.3 (dev mode)",
                       "default: refresh tokens may be reused (revokeRefreshToken off); sessions in memory",
                       base, "/realms/bench/protocol/openid-connect/token",
                       "/realms/bench/protocol/openid-connect/token/introspect", basic("load", secret),
                       pairs, pid, work)
    finally:
        os.killpg(process.pid, 15)
        process.wait(120)
        log.close()


def measure(server, rotation, base, token_path, introspect_path, authorization, pairs, pid, work):
    """Warms each endpoint up for WARMUP seconds (not reported), then measures it."""
    pools = {
        "warm-up refresh": [p["refresh_token"] for p in pairs[:SEEDS]],
        "refresh": [p["refresh_token"] for p in pairs[SEEDS:2 * SEEDS]],
        "introspection": [p["access_token"] for p in pairs[2 * SEEDS:]],
    }
    rows = []
    for endpoint, script, path, pool in [("warm-up refresh", "refresh.lua", token_path, "warm-up refresh"),
                                         ("warm-up introspection", "introspect.lua", introspect_path,
                                          "introspection"),
                                         ("refresh", "refresh.lua", token_path, "refresh"),
                                         ("introspection", "introspect.lua", introspect_path, "introspection")]:
        tokens = os.path.join(work, "tokens.txt")
        write_lines(tokens, pools[pool])
        warm_up = endpoint.startswith("warm-up")
        result = run_wrk(script, base, path, authorization, tokens, pid, WARMUP if warm_up else SECONDS)
        os.remove(tokens)
        print(f"--- {server}, {endpoint}\n{result['raw']}", flush=True)
        if not warm_up:
            rows.append(dict(result, server=server, endpoint=endpoint, rotation=rotation))
    return rows


def table(rows):
    lines = ["| server | endpoint | requests/s | p50 ms | p99 ms | requests | not as expected | server CPU | wrk CPU |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['server']} | {r['endpoint']} | {r['rps']:,.0f} | {r['p50']:.2f} | {r['p99']:.2f} "
                     f"| {r['requests']:,} | {r['non2xx'] + r['unexpected']:,} | {r['server_cpu']:.0f}% "
                     f"| {r['wrk_cpu']:.0f}% |")
    lines.append("")
    by = {(r["server"].split()[0], r["endpoint"]): r for r in rows}
    for endpoint in ["refresh", "introspection"]:
        g, k = by.get(("Gatepass", endpoint)), by.get(("Keycloak", endpoint))
        if g and k:
            lines.append(f"- {endpoint}: Gatepass {g['rps'] / k['rps']:.1f}× Keycloak's requests/s, p99 "
                         f"{g['p99']:.2f} ms against {k['p99']:.2f} ms (target: at least 5×, and a lower p99).")
    lines.append("")
    for server in dict.fromkeys(r["server"] for r in rows):
        lines.append(f"- {server} rotation: {next(r['rotation'] for r in rows if r['server'] == server)}.")
    return "\n".join(lines)


def main():
    archive, keycloak_archive, work, out = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    only = os.environ.get("LOAD_ONLY", "")
    rows = [] if only == "keycloak" else gatepass(archive, work)
    rows += [] if only == "gatepass" else keycloak(keycloak_archive, work)
    with open(out, "w") as f:
        f.write(table(rows) + "\n")
    print(table(rows))


if __name__ == "__main__":
    main()
