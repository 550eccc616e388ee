package org.switchboard.channels.pjsip;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.Channel;

/** {@code pjsip show channels}: each PJSIP channel with its application, state and age, then its dialled extension and connected line. */
public final class PjsipShowChannelsCommand extends PjsipCliCommand {
    static final String HEADER = """

          Channel:  <ChannelId......................................>  <State.....>  <Time.....>
              Exten: <DialedExten...........>  CLCID: <ConnectedLineCID.......>
        """ + PjsipShow.RULE + "\n";

    public PjsipShowChannelsCommand() {
        super("pjsip show channels", """
            Usage: pjsip show channels
                   List(s) active PJSIP channels.""");
    }

    @Override
    boolean execute(PjsipModule pjsip, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        List<Channel> channels = pjsip.stack().pbx().channels().byPrefix("PJSIP/");
        long now = System.currentTimeMillis();
        PjsipShow.table(out, HEADER, channels, c -> {
            long s = Math.max(0, (now - c.createdMillis()) / 1000);
            String app = c.application() == null || c.application().isEmpty() ? "" : "/" + c.application();
            out.printf("  Channel: %-49.49s  %-12.12s  %02d:%02d:%02d%n", c.name() + app, c.state().description(),
                s / 3600, s / 60 % 60, s % 60);
            String name = c.connectedLine().name() == null ? "" : c.connectedLine().name();
            String num = c.connectedLine().number() == null ? "" : c.connectedLine().number();
            out.printf("      Exten: %-24.24s  CLCID: \"%s\" <%s>%n", c.exten() == null ? "" : c.exten(), name, num);
            out.println();
        });
        return true;
    }
}
