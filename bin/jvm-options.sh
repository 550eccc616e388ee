# Sourced by bin/switchboard and bench/sip/pbx.sh: the JVM options a PBX runs with. Needs $JAVA_HOME.
#
# G1 with short pauses: on two cores it costs about the CPU per call of ZGC at half the memory, and
# pauses stay short enough that the SIP socket buffer does not overflow at 3,500 calls/s (bench/run
# sip-rate). The heap is capped so that overload (bench/run sip-overload) ends in 503s, not in
# gigabytes: at 3,000 calls/s the live heap is mostly the 96,000 BYE transactions that Timer J keeps
# for 32 s (RFC 3261 §17.2.2), about 1.4 KB each. Netty's leak detector samples buffers with a
# stack trace each; we do not ship with it.
# An idle PBX gives memory back: after 5 s without a collection G1 runs one and uncommits the heap
# it does not need (JEP 346), and glibc's malloc arenas, which the JIT's compiler arenas leave
# swollen after start-up, are trimmed every 5 s. Both only act when the PBX is idle or nearly so;
# idle RSS goes from about 98 MB to 76 MB (bench/run sip-rate prints it).
SWITCHBOARD_JVM_OPTS="-XX:+UseG1GC -XX:MaxGCPauseMillis=10 -Xms32m -Xmx384m -XX:G1PeriodicGCInterval=5000 -Dio.netty.leakDetection.level=disabled"
jvm_major() { "$JAVA_HOME/bin/java" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }'; }
# a product option from JDK 22 (JDK 21 has it only as an experimental one)
if [ "$(jvm_major)" -ge 22 ] 2>/dev/null; then
    SWITCHBOARD_JVM_OPTS="$SWITCHBOARD_JVM_OPTS -XX:TrimNativeHeapInterval=5000"
fi

# Prints the AOT cache option for a PBX run from $1 (the jar) on JDK 25 or newer: use
# target/switchboard.aot when it is newer than the jar, else record it (written when the PBX stops).
aot_options() {
    local jar="$1" aot major
    aot="$(dirname "$jar")/switchboard.aot"
    major=$(jvm_major)
    [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null || return 0
    [ -w "$(dirname "$jar")" ] || return 0
    if [ -f "$aot" ] && [ "$aot" -nt "$jar" ]; then
        echo "-XX:AOTCache=$aot"
    else
        rm -f "$aot"
        echo "-XX:AOTCacheOutput=$aot"
    fi
}
