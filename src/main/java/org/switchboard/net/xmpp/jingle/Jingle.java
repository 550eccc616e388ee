package org.switchboard.net.xmpp.jingle;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Jingle request (XEP-0166 §7) as immutable records: the action, the session id, and the
 * contents with their RTP description (XEP-0167), ICE-UDP transport (XEP-0176) and DTLS
 * fingerprint (XEP-0320). Made by {@link JingleParser}, written by {@link JingleWriter}.
 *
 * @param initiator  full JID, or null (XEP-0166 §7.1: SHOULD be present on session-initiate only)
 * @param reason     for session-terminate (and content-reject), or null
 * @param info       session-info payload (XEP-0167 §7: ringing, active, hold, unhold, mute), or null
 */
public record Jingle(Action action, String sid, String initiator, String responder, List<Content> contents,
                     Reason reason, Info info) {
    public static final String NS = "urn:xmpp:jingle:1";
    public static final String NS_ERRORS = "urn:xmpp:jingle:errors:1";
    public static final String NS_RTP = "urn:xmpp:jingle:apps:rtp:1";
    public static final String NS_RTP_AUDIO = "urn:xmpp:jingle:apps:rtp:audio";
    public static final String NS_RTP_INFO = "urn:xmpp:jingle:apps:rtp:info:1";
    public static final String NS_ICE_UDP = "urn:xmpp:jingle:transports:ice-udp:1";
    public static final String NS_DTLS = "urn:xmpp:jingle:apps:dtls:0";
    public static final String NS_JMI = "urn:xmpp:jingle-message:0";

    public Jingle {
        contents = List.copyOf(contents);
    }

    /** XEP-0166 §7.2, the actions we take part in; others are parsed as UNSUPPORTED and refused (§8). */
    public enum Action {
        SESSION_INITIATE, SESSION_ACCEPT, SESSION_TERMINATE, SESSION_INFO, TRANSPORT_INFO,
        CONTENT_ADD, CONTENT_MODIFY, CONTENT_REMOVE, CONTENT_ACCEPT, CONTENT_REJECT, DESCRIPTION_INFO,
        SECURITY_INFO, TRANSPORT_ACCEPT, TRANSPORT_REJECT, TRANSPORT_REPLACE;

        public String xml() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

        /** The action for its XML name; null when it is none of XEP-0166's. */
        public static Action of(String xml) {
            if (xml == null) return null;
            for (Action a : values()) if (a.xml().equals(xml)) return a;
            return null;
        }
    }

    /** XEP-0167 §7 session-info payloads. */
    public enum Info { RINGING, ACTIVE, HOLD, UNHOLD, MUTE, UNMUTE }

    /**
     * XEP-0166 §7.3: creator is "initiator" or "responder", senders defaults to "both".
     * {@code descriptionNs}/{@code transportNs} name what the content carried (null: none), so an
     * application or transport we do not speak is refused by name (§6.3.2) rather than unread.
     */
    public record Content(String creator, String name, String senders, String descriptionNs, RtpDescription description,
                          String transportNs, IceUdpTransport transport) {
        public Content(String creator, String name, RtpDescription description, IceUdpTransport transport) {
            this(creator, name, "both", description == null ? null : NS_RTP, description, transport == null ? null : NS_ICE_UDP, transport);
        }
    }

    /** XEP-0167 §5: an audio description; {@code rtcpMux} is the {@code <rtcp-mux/>} child (§5.2). */
    public record RtpDescription(String media, List<PayloadType> payloadTypes, boolean rtcpMux) {
        public RtpDescription { payloadTypes = List.copyOf(payloadTypes); }
    }

    /** XEP-0167 §5: {@code <payload-type id name clockrate channels>} with its {@code <parameter>}s (SDP fmtp). */
    public record PayloadType(int id, String name, int clockrate, int channels, Map<String, String> parameters) {
        public PayloadType { parameters = Map.copyOf(parameters); }

        public PayloadType(int id, String name, int clockrate, int channels) { this(id, name, clockrate, channels, Map.of()); }

        public boolean is(String encoding) { return name != null && name.equalsIgnoreCase(encoding); }
    }

    /** XEP-0176 §4: {@code <transport ufrag pwd>} with its candidates; XEP-0320 §3: the fingerprint inside it. */
    public record IceUdpTransport(String ufrag, String pwd, List<Candidate> candidates, Fingerprint fingerprint) {
        public IceUdpTransport { candidates = List.copyOf(candidates); }
    }

    /** XEP-0176 §4 candidate; relAddr null and relPort 0 for host candidates. */
    public record Candidate(String foundation, int component, String protocol, long priority, String ip, int port,
                            String type, String relAddr, int relPort, int generation, String id, int network) {}

    /** XEP-0320 §3: {@code <fingerprint hash setup>VALUE</fingerprint>}; setup is actpass, active or passive. */
    public record Fingerprint(String hash, String setup, String value) {}

    /** XEP-0166 §7.4: one condition (busy, decline, success, security-error, ...) and an optional text. */
    public record Reason(String condition, String text) {
        public static Reason of(String condition) { return new Reason(condition, null); }
    }

    /** The conditions XEP-0166 §7.4 defines; any other is read as failed-application. */
    public static final java.util.Set<String> REASONS = java.util.Set.of("alternative-session", "busy", "cancel",
        "connectivity-error", "decline", "expired", "failed-application", "failed-transport", "general-error", "gone",
        "incompatible-parameters", "media-error", "security-error", "success", "timeout", "unsupported-applications",
        "unsupported-transports");

    /** The first content with an audio RTP description, or null. */
    public Content audio() {
        for (Content c : contents) {
            if (c.description() != null && "audio".equals(c.description().media())) return c;
        }
        return null;
    }
}
