package org.switchboard.bench.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded hostile input for the Manager interface: random bytes, real actions with their bytes
 * mutated, control characters and line separators in keys and values, over-long lines, too many
 * headers, and a message split at random. The same seed gives the same inputs.
 */
final class AmiFuzzInputs {
    /** Actions a fuzzing user may send: none stops the PBX (no Command, ModuleLoad, Reload: its user lacks system and command). */
    private static final List<String> TEMPLATES = List.of(
            "Action: Ping\r\nActionID: p\r\n",
            "Action: Login\r\nUsername: fuzz\r\nSecret: fuzz\r\n",
            "Action: Login\r\nUsername: admin\r\nSecret: wrong\r\n",
            "Action: Challenge\r\nAuthType: MD5\r\n",
            "Action: Events\r\nEventMask: call,user\r\n",
            "Action: Filter\r\nOperation: Add\r\nFilter: UserEvent: x\r\n",
            "Action: UserEvent\r\nUserEvent: fuzz\r\nActionID: u\r\nBody: hello\r\n",
            "Action: Getvar\r\nVariable: FUZZ\r\n",
            "Action: Setvar\r\nVariable: FUZZ\r\nValue: 1\r\n",
            "Action: Status\r\n",
            "Action: CoreShowChannels\r\nActionID: c\r\n",
            "Action: CoreSettings\r\n",
            "Action: CoreStatus\r\n",
            "Action: ListCommands\r\n",
            "Action: ShowDialPlan\r\nContext: fuzz\r\n",
            "Action: ModuleCheck\r\nModule: res_manager\r\n",
            "Action: Originate\r\nChannel: Local/s@fuzz\r\nContext: fuzz\r\nExten: s\r\nPriority: 1\r\nAsync: true\r\nVariable: A=1,B=2\r\n",
            "Action: Hangup\r\nChannel: /^Nope/\r\n",
            "Action: Redirect\r\nChannel: Local/none\r\nExten: s\r\nContext: fuzz\r\nPriority: 1\r\n",
            "Action: Command\r\nCommand: core show channels\r\n",
            "Action: Reload\r\n",
            "Action: Logoff\r\n");
    private static final String NASTY = "\r\n\u0000\u001b\u0007\u007f\u0085\u2028\u2029\t:";

    private final Random random;

    AmiFuzzInputs(long seed) { random = new Random(seed); }

    Random random() { return random; }

    /** One input: the bytes a fuzzing client sends next. */
    byte[] next() {
        return switch (random.nextInt(10)) {
            case 0 -> randomBytes(random.nextInt(600));
            case 1, 2, 3 -> mutate(template());
            case 4, 5 -> nastyHeaders();
            case 6 -> template();
            case 7 -> longLine();
            case 8 -> manyHeaders();
            default -> concat(randomBytes(random.nextInt(40)), template());
        };
    }

    /** Splits an input in up to four pieces, so a message arrives over several reads. */
    List<byte[]> pieces(byte[] input) {
        int cuts = random.nextInt(4);
        if (cuts == 0 || input.length < 2) return List.of(input);
        int[] at = random.ints(cuts, 1, input.length).sorted().distinct().toArray();
        java.util.ArrayList<byte[]> out = new java.util.ArrayList<>();
        int from = 0;
        for (int a : at) {
            out.add(java.util.Arrays.copyOfRange(input, from, a));
            from = a;
        }
        out.add(java.util.Arrays.copyOfRange(input, from, input.length));
        return out;
    }

    private byte[] template() {
        String t = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
        return (t + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] mutate(byte[] b) {
        byte[] m = b.clone();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n && m.length > 0; i++) {
            int at = random.nextInt(m.length);
            switch (random.nextInt(4)) {
                case 0 -> m[at] = (byte) random.nextInt(256);
                case 1 -> m[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> m = concat(java.util.Arrays.copyOf(m, at), java.util.Arrays.copyOfRange(m, Math.min(m.length, at + 1 + random.nextInt(8)), m.length));
                default -> m = concat(concat(java.util.Arrays.copyOf(m, at), randomBytes(1 + random.nextInt(8))), java.util.Arrays.copyOfRange(m, at, m.length));
            }
        }
        return m;
    }

    /** A well-framed action whose keys and values carry control characters and line separators. */
    private byte[] nastyHeaders() {
        StringBuilder sb = new StringBuilder("Action: ").append(random.nextBoolean() ? "UserEvent" : "Ping").append("\r\n");
        sb.append("UserEvent: ").append(nasty()).append("\r\n");
        sb.append("ActionID: ").append(nasty()).append("\r\n");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) sb.append('K').append(nasty()).append(": ").append(nasty()).append("\r\n");
        return sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private String nasty() {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            // no LF: the line ends at one; everything else that could end a line in some reader
            char c = random.nextInt(3) == 0 ? (char) ('a' + random.nextInt(26)) : NASTY.charAt(1 + random.nextInt(NASTY.length() - 1));
            sb.append(c);
        }
        return sb.toString();
    }

    private byte[] longLine() {
        int len = 8_000 + random.nextInt(60_000);
        return ("Action: UserEvent\r\nUserEvent: long\r\nBody: " + "y".repeat(len) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] manyHeaders() {
        StringBuilder sb = new StringBuilder("Action: Ping\r\n");
        int n = 100 + random.nextInt(200);
        String value = "v".repeat(random.nextInt(1500));
        for (int i = 0; i < n; i++) sb.append("H").append(i).append(": ").append(value).append("\r\n");
        return sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        // now and then a blank line, so garbage ends as a message and gets its answer
        if (n > 4 && random.nextBoolean()) {
            int at = random.nextInt(n - 3);
            b[at] = '\r';
            b[at + 1] = '\n';
            b[at + 2] = '\r';
            b[at + 3] = '\n';
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
