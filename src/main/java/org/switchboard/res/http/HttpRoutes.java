package org.switchboard.res.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.core.Pbx;

/**
 * What a PBX's HTTP server serves beyond its own pages: the WebSocket subprotocols of {@code /ws}.
 * One per PBX, found through {@link #of}, so a module may register before or after the HTTP
 * server loads.
 */
public final class HttpRoutes {
    private final Map<String, WebSocketProtocol> protocols = new ConcurrentHashMap<>();

    public static HttpRoutes of(Pbx pbx) { return pbx.service(HttpRoutes.class, p -> new HttpRoutes()); }

    public void registerWebSocket(String name, WebSocketProtocol protocol) {
        protocols.put(name.toLowerCase(Locale.ROOT), protocol);
    }

    public void unregisterWebSocket(String name, WebSocketProtocol protocol) {
        protocols.remove(name.toLowerCase(Locale.ROOT), protocol);
    }

    public WebSocketProtocol webSocket(String name) { return name == null ? null : protocols.get(name.toLowerCase(Locale.ROOT)); }

    /** The subprotocols registered now, sorted. */
    public List<String> webSocketNames() { return protocols.keySet().stream().sorted().toList(); }
}
