package org.switchboard.res.cdr;

import java.util.Map;
import java.util.TreeMap;
import org.switchboard.core.HangupCause;

/**
 * A call record while its call goes on (Asterisk's cdr_object): Party A's channel as last seen,
 * Party B once there is one, the accepted application and place, the times. Only the engine's
 * tracker touches it, under the engine's lock.
 */
final class ActiveCdr {
    CdrState state = CdrState.SINGLE;
    CdrSnapshot partyA;
    CdrSnapshot partyB;
    String userfieldA = "";
    String userfieldB = "";
    final Map<String, String> varsA = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final Map<String, String> varsB = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    long startMicros;
    long answerMicros;
    long endMicros;
    CdrDisposition disposition = CdrDisposition.NULL;
    final int sequence;
    String linkedId;
    String appl = "";
    String data = "";
    String context = "";
    String exten = "";
    String bridge = "";
    /** Application and data stay as they are (set once Dial runs, or a Party B joins). */
    boolean lockApp;
    /** NoCDR()/CDR_PROP(disable): this record and those made after it are not posted. */
    boolean disabled;

    ActiveCdr(CdrSnapshot partyA, int sequence, long nowMicros) {
        this.partyA = partyA;
        this.sequence = sequence;
        this.linkedId = partyA.linkedId();
        this.startMicros = nowMicros;
        checkAnswer(nowMicros);
    }

    /** The record a chain gets next (cdr_object_create_and_append): Party A, place and flags carry over. */
    ActiveCdr next(int sequence, long nowMicros) {
        ActiveCdr n = new ActiveCdr(partyA, sequence, nowMicros);
        n.linkedId = linkedId;
        n.appl = appl;
        n.data = data;
        n.context = context;
        n.exten = exten;
        n.disabled = disabled;
        n.userfieldA = userfieldA;
        n.varsA.putAll(varsA);
        return n;
    }

    boolean finalized() { return state == CdrState.FINALIZED; }

    /** Party A is up and the record has no answer time yet: it has one now. */
    void checkAnswer(long nowMicros) {
        if (partyA.up() && answerMicros == 0) answerMicros = nowMicros;
    }

    /** Sets the end time once, and decides an undecided disposition (cdr_object_finalize). */
    void end(long nowMicros, CdrConfig config) {
        if (endMicros != 0) return;
        endMicros = nowMicros;
        if (disposition != CdrDisposition.NULL) return;
        if (answerMicros != 0) {
            disposition = CdrDisposition.ANSWERED;
        } else if (partyA.hangupCause() != HangupCause.NOT_DEFINED) {
            CdrDisposition d = CdrDisposition.ofHangupCause(partyA.hangupCause(), config);
            if (d != null) disposition = d;
        } else if (partyB != null && partyB.hangupCause() != HangupCause.NOT_DEFINED) {
            CdrDisposition d = CdrDisposition.ofHangupCause(partyB.hangupCause(), config);
            if (d != null) disposition = d;
        } else {
            disposition = CdrDisposition.FAILED;
        }
    }

    /** Ends the record and moves it to FINALIZED. */
    void finish(long nowMicros, CdrConfig config) {
        state = CdrState.FINALIZED;
        end(nowMicros, config);
    }

    long durationSeconds(long nowMicros) {
        return CdrTimes.millis(startMicros, endMicros == 0 ? nowMicros : endMicros) / 1000;
    }

    /** Answer to end (or now); with initiatedseconds a second begun by 500 ms or more counts. */
    long billSeconds(long nowMicros, CdrConfig config) {
        if (answerMicros == 0) return 0;
        long ms = CdrTimes.millis(answerMicros, endMicros == 0 ? nowMicros : endMicros);
        return config.initiatedSeconds() && ms % 1000 >= 500 ? ms / 1000 + 1 : ms / 1000;
    }

    /** The public record backends get (cdr_object_create_public_records). */
    CdrRecord toRecord(CdrConfig config, long nowMicros) {
        String userfield = "";
        if (partyB != null && !userfieldB.isEmpty()) userfield = userfieldA + ";" + userfieldB;
        if (userfield.isEmpty()) userfield = userfieldA;
        Map<String, String> vars = new java.util.LinkedHashMap<>(varsA);
        for (Map.Entry<String, String> e : varsB.entrySet()) {
            if (!varsA.containsKey(e.getKey())) vars.put(e.getKey(), e.getValue());
        }
        int ext = 80;
        return new CdrRecord(CdrRecord.fit(partyA.accountCode(), 80), CdrRecord.fit(partyA.callerNumber(), ext),
                CdrRecord.fit(exten, ext), CdrRecord.fit(context, ext),
                CdrRecord.fit(callerIdText(partyA.callerName(), partyA.callerNumber()), ext),
                CdrRecord.fit(partyA.name(), ext), CdrRecord.fit(partyB == null ? "" : partyB.name(), ext),
                CdrRecord.fit(appl, ext), CdrRecord.fit(data, ext), startMicros, answerMicros, endMicros,
                durationSeconds(nowMicros), billSeconds(nowMicros, config), disposition, partyA.amaFlags(),
                CdrRecord.fit(userfield, 256), CdrRecord.fit(partyA.uniqueId(), 152), CdrRecord.fit(linkedId, 152),
                CdrRecord.fit(partyB == null ? "" : partyB.accountCode(), 80), sequence,
                java.util.Collections.unmodifiableMap(vars), disabled);
    }

    /**
     * A field of this record while its call goes on, as CDR() reads it (cdr_object_format_property):
     * place and application are Party A's as last seen, times raw {@code sec.usec}, disposition and
     * AMA flags as numbers, durations up to now. Null for a name that is no field (a variable then).
     */
    String property(String name, CdrConfig config, long nowMicros) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "clid" -> callerIdText(partyA.callerName(), partyA.callerNumber());
            case "src" -> partyA.callerNumber();
            case "dst" -> partyA.exten();
            case "dcontext" -> partyA.context();
            case "channel" -> partyA.name();
            case "dstchannel" -> partyB == null ? "" : partyB.name();
            case "lastapp" -> partyA.app();
            case "lastdata" -> partyA.appData();
            case "start" -> CdrTimes.raw(startMicros);
            case "answer" -> CdrTimes.raw(answerMicros);
            case "end" -> CdrTimes.raw(endMicros);
            case "duration" -> Long.toString(durationSeconds(nowMicros));
            case "billsec" -> Long.toString(billSeconds(nowMicros, config));
            case "disposition" -> Integer.toString(disposition.value());
            case "amaflags" -> Integer.toString(partyA.amaFlags());
            case "accountcode" -> partyA.accountCode();
            case "peeraccount" -> partyB == null ? "" : partyB.accountCode();
            case "uniqueid" -> partyA.uniqueId();
            case "linkedid" -> linkedId;
            case "tenantid", "peertenantid" -> "";
            case "userfield" -> userfieldA;
            case "sequence" -> Integer.toString(sequence);
            default -> null;
        };
    }

    /**
     * The clid field: {@code "name" <number>} with quotes and backslashes in the name escaped, as
     * ast_callerid_merge writes it from the snapshot's (never null) strings.
     */
    static String callerIdText(String name, String number) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\');
            sb.append(c);
        }
        return sb.append("\" <").append(number).append('>').toString();
    }
}
