# Sourced by the scripts in bin/: finds a JDK >= 21 and exports JAVA_HOME, or fails loudly.
# Order: $JAVA_HOME, then every JDK under /usr/lib/jvm (newest first). The default `java` on
# Debian 12 is 17, too old for Switchboard.

java_major() {
    "$1/bin/java" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

find_jdk() {
    local candidate major
    for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
        candidate="${candidate%/}"
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$(java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 21 ]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if ! JAVA_HOME=$(find_jdk); then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "switchboard: no JDK >= 21 found; trying to install one with apt-get" >&2
        apt-get update -qq >/dev/null 2>&1
        apt-get install -y -qq openjdk-21-jdk-headless >/dev/null 2>&1 \
            || apt-get install -y -qq openjdk-25-jdk-headless >/dev/null 2>&1 || true
    fi
    if ! JAVA_HOME=$(find_jdk); then
        echo "switchboard: ERROR: no JDK 21 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm/*)." >&2
        echo "switchboard: install one (e.g. Temurin 21+ or openjdk-21-jdk-headless) and/or set JAVA_HOME." >&2
        exit 2
    fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
