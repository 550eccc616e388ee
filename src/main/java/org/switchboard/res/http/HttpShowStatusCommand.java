package org.switchboard.res.http;

import java.io.PrintWriter;
import java.util.List;
import org.switchboard.core.CliCommand;
import org.switchboard.core.Pbx;

/** {@code http show status}: the server's binds and what it serves, in http.c's layout. */
public final class HttpShowStatusCommand implements CliCommand {
    @Override public List<String> words() { return List.of("http", "show", "status"); }

    @Override
    public String usage() {
        return """
            Usage: http show status
                   Lists status of internal HTTP engine
            """;
    }

    @Override
    public boolean execute(Pbx pbx, List<String> args, PrintWriter out) {
        if (!args.isEmpty()) return false;
        HttpModule m = HttpModule.get(pbx);
        out.println("HTTP Server Status:");
        out.println("Prefix: ");
        out.println("Server: " + HttpRequestHandler.SERVER);
        if (m == null || m.httpAddress() == null) {
            out.println("Server Disabled");
            out.println();
        } else {
            out.println("Server Enabled and Bound to " + HttpModule.hostPort(m.httpAddress(), m.config().plain()));
            out.println();
            if (m.httpsAddress() != null) {
                out.println("HTTPS Server Enabled and Bound to " + HttpModule.hostPort(m.httpsAddress(), m.config().tls()));
                out.println();
            }
        }
        out.println("Enabled URI's:");
        List<String> protocols = HttpRoutes.of(pbx).webSocketNames();
        if (m == null) out.println("None.");
        else out.println(HttpRequestHandler.WS_PATH + " => Asterisk HTTP WebSocket" + (protocols.isEmpty() ? "" : " (" + String.join(", ", protocols) + ")"));
        out.println();
        out.println("Enabled Redirects:");
        out.println("  None.");
        return true;
    }
}
