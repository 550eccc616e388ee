package org.switchboard.res.agi;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** EAGI(command[,arg1[,arg2[,...]]]): AGI that says it is enhanced (res_agi). */
public final class EagiApp implements Application {
    @Override public String name() { return "EAGI"; }
    @Override public String module() { return AgiApp.MODULE; }
    @Override public String synopsis() { return "Executes an EAGI compliant application."; }
    @Override public String syntax() { return "EAGI(command[,arg1[,arg2[,...]]])"; }

    @Override
    public String description() {
        return """
                Runs an AGI program exactly as AGI() does, with agi_enhanced: 1.0 in its
                environment. Asterisk also gives an EAGI script the caller's audio on file
                descriptor 3; Switchboard does not (the JVM cannot hand a child process an
                extra descriptor without a shell), so a script that reads fd 3 gets an error
                there. Sets AGISTATUS as AGI() does.""";
    }

    @Override
    public Result execute(Channel channel, String data) { return AgiRunner.run(channel, data, true); }
}
