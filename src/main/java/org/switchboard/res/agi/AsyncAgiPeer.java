package org.switchboard.res.agi;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerEvent;

/**
 * AsyncAGI ({@code AGI(agi:async)}): the channel waits for commands a Manager client queues with
 * the {@code AGI} action; the environment goes out as AsyncAGIStart's Env, each answer as
 * AsyncAGIExec's Result (with the CommandID it was given), and AsyncAGIEnd closes, all URL
 * encoded as Asterisk does. It ends with {@code ASYNCAGI BREAK}, a failing command or a hangup.
 * Lives on the channel as a datastore while it runs, which is how the Manager finds it.
 */
final class AsyncAgiPeer implements AgiPeer, AutoCloseable {
    /** The channel's datastore key while AsyncAGI runs. */
    static final Object KEY = new Object() {
        @Override public String toString() { return "AsyncAGI"; }
    };

    private final Channel channel;
    private final StringBuilder answer = new StringBuilder();
    private volatile BlockingQueue<AgiInput> inbox;

    AsyncAgiPeer(Channel channel) { this.channel = channel; }

    /**
     * Queues a command for the channel in AsyncAGI (the Manager's AGI action, {@code agi exec}).
     *
     * @return false when the channel is not in AsyncAGI or its queue is full
     */
    static boolean queue(Channel c, String command, String commandId) {
        AsyncAgiPeer p = c.datastore(KEY);
        BlockingQueue<AgiInput> q = p == null ? null : p.inbox;
        return q != null && q.offer(new AgiInput.Command(command, commandId == null || commandId.isEmpty() ? null : commandId));
    }

    @Override
    public String begin(BlockingQueue<AgiInput> inbox, java.util.concurrent.Executor readers, String environment) {
        this.inbox = inbox;
        channel.putDatastore(KEY, this);
        channel.pbx().events().publish(ManagerEvent.of("AsyncAGIStart", "agi").channel(channel)
                .put("Env", urlEncode(environment)).build());
        return null;
    }

    @Override
    public void send(String text) { answer.append(text); }

    @Override
    public void commandDone(String commandId) {
        ManagerEvent.Builder b = ManagerEvent.of("AsyncAGIExec", "agi").channel(channel);
        if (commandId != null) b.put("CommandID", commandId);
        channel.pbx().events().publish(b.put("Result", urlEncode(answer.toString())).build());
        answer.setLength(0);
    }

    @Override
    public String hangupNotice() { return null; }

    @Override
    public boolean readTimeoutApplies() { return false; }

    @Override
    public boolean failureLineMeansFailure() { return false; }

    @Override
    public String describe() { return "agi:async"; }

    @Override
    public boolean finish(boolean sighup) {
        channel.removeDatastore(KEY);
        inbox = null;
        channel.pbx().events().publish(ManagerEvent.of("AsyncAGIEnd", "agi").channel(channel).build());
        return true;
    }

    @Override
    public void abort() { }

    @Override
    public void close() { }

    /** Every byte but letters, digits and {@code -._~} as %XX (RFC 3986 unreserved kept), as ast_uri_encode does for HTTP. */
    static String urlEncode(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(b.length * 2);
        for (byte x : b) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
