package org.switchboard.net.ice;

import org.switchboard.net.dtls.JitsiLogBridge;

/**
 * Process-wide settings of ice4j, made once before it reads its configuration (Typesafe config,
 * where system properties override its reference.conf): consent freshness checks every 5 s,
 * randomised ±20%, and a pair failed only after 30 s unanswered (RFC 7675 §5.1; ice4j's defaults
 * are 15 s both), no cloud metadata probing for mapped
 * addresses, no SOFTWARE attribute. Its log goes through {@link JitsiLogBridge}.
 */
final class Ice4j {
    private static volatile boolean done;

    private Ice4j() {}

    static void init() {
        if (done) return;
        synchronized (Ice4j.class) { // sets properties only; blocks nothing
            if (done) return;
            JitsiLogBridge.install();
            defaultProperty("ice4j.consent-freshness.interval", "5 seconds");
            // each consent check is retried every 500 ms; 60 tries span RFC 7675's 30 s before ice4j fails the pair
            defaultProperty("ice4j.consent-freshness.max-retransmissions", "60");
            defaultProperty("ice4j.harvest.mapping.aws.enabled", "false");
            defaultProperty("ice4j.software", "");
            done = true;
        }
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) System.setProperty(name, value);
    }
}
