package org.switchboard.res.agi;

import org.switchboard.core.Application;
import org.switchboard.core.Channel;

/** AGI(command[,arg1[,arg2[,...]]]): hand the channel to an AGI program (res_agi). */
public final class AgiApp implements Application {
    static final String MODULE = "res_agi";

    @Override public String name() { return "AGI"; }
    @Override public String synopsis() { return "Executes an AGI compliant application."; }
    @Override public String syntax() { return "AGI(command[,arg1[,arg2[,...]]])"; }

    @Override
    public String description() {
        return """
                Hands the channel to a program that drives it with AGI commands (answer, play,
                read digits, variables, AstDB, run applications). command says which program:
                  script            an executable run as a process of its own, no shell; a name
                                    without a leading / is under the AGI folder (astagidir of
                                    asterisk.conf). It reads the agi_* block and the answers on
                                    stdin and writes commands on stdout; stderr goes to the log.
                  agi://host[:port][/script]  a FastAGI server over TCP, port 4573 by default.
                  hagi://host[/script]        FastAGI servers found by DNS SRV _agi._tcp.host,
                                    tried in order until one connects.
                  agi:async         AsyncAGI: commands come from the Manager's AGI action and
                                    answers go out as AsyncAGIExec events.
                The arguments reach the program as agi_arg_1, agi_arg_2, ... (and as a script's
                command-line arguments). When the caller hangs up, a script gets SIGHUP and a
                FastAGI server a HANGUP line, unless AGISIGHUP is no; with AGIEXITONHANGUP set to
                yes AGI ends at once then. After a hangup only the commands allowed on a dead
                channel run (others are answered 511).
                Limits (agi.conf [general], Switchboard's own): connecttimeout (2000 ms),
                readtimeout (60000 ms a program may take to send its next command, then FAILURE),
                hangupgrace (5000 ms a program may go on after a hangup), maxline (8192 bytes).
                Sets AGISTATUS to SUCCESS, FAILURE (the program could not run, ended with a
                non-zero status, broke the protocol or a limit), NOTFOUND (no such script) or
                HANGUP; after HANGUP the dialplan ends.""";
    }

    @Override
    public Result execute(Channel channel, String data) { return AgiRunner.run(channel, data, false); }
}
