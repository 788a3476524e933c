# Sourced by run.sh and test.sh: finds a Java that Karaf 4.4 runs on (17 to 21) and Maven,
# or stops with a message that says what to install.

fail() {
    echo "error: $*" >&2
    exit 1
}

java_major() {
    "$1" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

usable_java() {
    local major
    [ -x "$1" ] || return 1
    major=$(java_major "$1")
    [ -n "$major" ] && [ "$major" -ge 17 ] && [ "$major" -le 21 ]
}

choose_java() {
    local candidate
    for candidate in "${JAVA_HOME:-}/bin/java" "$(command -v java 2>/dev/null)" \
                     /usr/lib/jvm/*17*/bin/java /usr/lib/jvm/*21*/bin/java; do
        if [ -n "$candidate" ] && usable_java "$candidate"; then
            JAVA_HOME=$(cd "$(dirname "$(readlink -f "$candidate")")/.." && pwd)
            export JAVA_HOME
            export PATH="$JAVA_HOME/bin:$PATH"
            return 0
        fi
    done
    fail "Gatepass needs Java 17 to 21 (Karaf 4.4 does not start on newer ones), and none was found." \
         "Install it, e.g. 'apt-get install openjdk-17-jdk', or set JAVA_HOME to one."
}

choose_maven() {
    command -v mvn >/dev/null 2>&1 \
        || fail "Gatepass builds with Apache Maven 3.8 or newer, and 'mvn' is not on the PATH." \
                "Install it, e.g. 'apt-get install maven'."
}

choose_java
choose_maven
