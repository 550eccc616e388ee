package org.switchboard.res.agi;

import java.util.List;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Application.Result;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/**
 * What AGI(), EAGI() and DeadAGI() share (res_agi's agi_exec_full): split the arguments, reach
 * the program the first one names, hold the conversation, set AGISTATUS. A hangup ends the
 * dialplan as Asterisk's -1 does; anything else carries on at the next priority.
 */
final class AgiRunner {
    private AgiRunner() {}

    static Result run(Channel c, String data, boolean enhanced) {
        if (data == null || data.isBlank()) {
            PbxLog.warning("res_agi.c", "AGI requires an argument (script)");
            return Result.HANGUP;
        }
        List<String> args = AppArgs.split(data);
        String program = args.get(0);
        List<String> rest = args.subList(1, args.size());
        Agi agi = Agi.of(c.pbx());
        agi.runStarted();
        AgiSettings settings = agi.settings();
        AgiTarget target = AgiTarget.parse(program);
        AgiPeer peer = null;
        AgiStatus status = AgiStatus.FAILURE;
        switch (target.kind()) {
            case SCRIPT -> {
                ScriptPeer.Launch l = ScriptPeer.launch(c.pbx(), settings, program, rest, enhanced ? c.name() : null);
                peer = l.peer();
                if (peer == null) status = l.failure();
            }
            case FAST -> peer = FastAgiPeer.connect(target, target.host(), target.port(), settings);
            case FAST_SRV -> peer = FastAgiPeer.connectSrv(target, settings, SrvLookup.DNS);
            case ASYNC -> peer = new AsyncAgiPeer(c);
            case INVALID -> PbxLog.warning("res_agi.c", "AGI URI '" + program + "' is not valid: " + target.problem());
        }
        if (peer != null) {
            String request = target.kind() == AgiTarget.Kind.ASYNC ? "async" : program;
            AgiSession session = new AgiSession(c, peer, data);
            status = session.run(AgiEnvironment.of(c, request, enhanced, rest));
        }
        c.setVar("AGISTATUS", status.name());
        return status == AgiStatus.HANGUP ? Result.HANGUP : Result.CONTINUE;
    }
}
