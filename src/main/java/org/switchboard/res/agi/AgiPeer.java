package org.switchboard.res.agi;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;

/**
 * The program on the other end of an AGI session: a script on stdin/stdout, a FastAGI server on
 * TCP, or a Manager client for AsyncAGI. Commands it sends go to the session's inbox; answers
 * come back through {@link #send}.
 */
interface AgiPeer {
    /**
     * Starts taking commands into {@code inbox} (reading on a thread from {@code readers}), then
     * sends the environment block.
     *
     * @return the text sent on the wire (for {@code agi set debug}), or null
     */
    String begin(BlockingQueue<AgiInput> inbox, Executor readers, String environment) throws IOException;

    /** Sends answer text (whole lines, each ending in a line feed). */
    void send(String text) throws IOException;

    /** The caller's audio between commands (EAGI's fd 3 for a script); called on the frame's thread, must not block. */
    default void audio(org.switchboard.core.Frame.VoiceFrame f) {}

    /** A command's answer is complete (AsyncAGI publishes it as AsyncAGIExec). */
    default void commandDone(String commandId) {}

    /**
     * The channel hung up: a script gets SIGHUP, a FastAGI server a {@code HANGUP} line (AGISIGHUP).
     *
     * @return the text sent on the wire (for {@code agi set debug}), or null
     */
    String hangupNotice();

    /** Whether the read timeout applies while waiting for the next command (not for AsyncAGI). */
    default boolean readTimeoutApplies() { return true; }

    /** Whether a line starting with {@code failure} means the program could not run (Asterisk's marker). */
    default boolean failureLineMeansFailure() { return true; }

    /** For log lines: the script path or server address. */
    String describe();

    /**
     * The session is over: stops the program (a script that does not end in time is killed),
     * releases everything.
     *
     * @param sighup whether a script may still be sent SIGHUP (AGISIGHUP)
     * @return false when the program's exit status says it failed
     */
    boolean finish(boolean sighup);

    /**
     * Ends the program at once from another thread (a session stuck writing to a program that
     * does not read, long after the hangup). Must not block.
     */
    void abort();
}
