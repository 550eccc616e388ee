package org.switchboard.res.agi;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** EAGI(command[,arg1[,arg2[,...]]]): AGI that says it is enhanced (res_agi). */
public final class EagiApp implements Application {
    @Override public String name() { return "EAGI"; }
    @Override public String synopsis() { return "Executes an EAGI compliant application."; }
    @Override public String syntax() { return "EAGI(command[,arg1[,arg2[,...]]])"; }

    @Override
    public String description() {
        return """
                Runs an AGI program exactly as AGI() does, with agi_enhanced: 1.0 in its
                environment, and gives a script the caller's audio on file descriptor 3:
                signed linear 16-bit little-endian, 8 kHz, mono, while the script is between
                commands (a command such as STREAM FILE reads the channel itself). Audio the
                script does not read in time is dropped, never held: the call is not slowed.
                A FastAGI server (agi://) gets no audio, as in Asterisk. Sets AGISTATUS as
                AGI() does.
                """;
    }

    @Override
    public Result execute(Channel channel, String data) { return AgiRunner.run(channel, data, true); }
}
