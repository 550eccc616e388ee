package org.switchboard.net.xmpp.upload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.Jid;

/**
 * HTTP File Upload (XEP-0363) from a logged-in connection: find the upload service among the
 * server's items (§3, disco#info feature {@code urn:xmpp:http:upload:0}, its max-file-size), ask
 * it for a slot (§4), PUT the bytes there (§5) and hand back the GET URL. Everything the server
 * can say no with — no service, a file over the limit, a refused slot, an HTTP error — is a
 * {@link Refused} saying why; losing the XMPP connection midway is a {@link SmackException}, so
 * the caller can try again later.
 */
public final class HttpFileUpload {
    /** The server said no (or has no upload service): trying again will not help. */
    public static final class Refused extends Exception {
        public Refused(String why) { super(why); }
    }

    /** An upload service and its limit in bytes ({@code -1}: it names none). */
    public record Service(Jid jid, long maxFileSize) {}

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpFileUpload() {}

    public static Service discover(XMPPConnection c) throws Refused, SmackException, InterruptedException {
        UploadSlotProvider.install();
        List<DiscoverInfo> found;
        try {
            found = ServiceDiscoveryManager.getInstanceFor(c).findServicesDiscoverInfo(UploadSlotRequest.NS, true, true);
        } catch (XMPPException.XMPPErrorException e) {
            throw new Refused("the server refused service discovery: " + condition(e));
        }
        if (found.isEmpty()) throw new Refused("the server offers no HTTP file upload service (XEP-0363)");
        DiscoverInfo info = found.get(0);
        return new Service(info.getFrom(), maxFileSize(info));
    }

    /** §3: the limit is a field of the service's disco#info form of type urn:xmpp:http:upload:0. */
    static long maxFileSize(DiscoverInfo info) {
        for (DataForm f : info.getExtensions(DataForm.class)) {
            if (!UploadSlotRequest.NS.equals(f.getFormType())) continue;
            FormField max = f.getField("max-file-size");
            if (max == null || max.getFirstValue() == null) continue;
            try {
                return Long.parseLong(max.getFirstValue().strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** Uploads the bytes; returns the URL anyone can GET them from. */
    public static String upload(XMPPConnection c, Service s, String filename, byte[] data, String contentType)
            throws Refused, SmackException, InterruptedException {
        if (s.maxFileSize() >= 0 && data.length > s.maxFileSize()) {
            throw new Refused("the file (" + data.length + " bytes) is larger than the upload service's limit ("
                    + s.maxFileSize() + " bytes)");
        }
        UploadSlot slot;
        try {
            slot = c.sendIqRequestAndWaitForResponse(new UploadSlotRequest(s.jid(), filename, data.length, contentType));
        } catch (XMPPException.XMPPErrorException e) {
            throw new Refused("the upload service " + s.jid() + " refused a slot: " + condition(e));
        } catch (ClassCastException e) {
            throw new Refused("the upload service " + s.jid() + " answered without a slot");
        }
        HttpRequest.Builder put;
        try {
            put = HttpRequest.newBuilder(URI.create(slot.putUrl())).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(data));
            slot.putHeaders().forEach(put::header);
        } catch (IllegalArgumentException e) {
            throw new Refused("the upload slot is unusable: " + e.getMessage());
        }
        try {
            HttpResponse<Void> r = HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding());
            // §5: 201 Created; any 2xx is a stored file
            if (r.statusCode() / 100 != 2) throw new Refused("HTTP PUT to " + host(slot.putUrl()) + " answered " + r.statusCode());
        } catch (IOException e) {
            throw new Refused("HTTP PUT to " + host(slot.putUrl()) + " failed: " + e);
        }
        return slot.getUrl();
    }

    private static String condition(XMPPException.XMPPErrorException e) {
        StanzaError err = e.getStanzaError();
        String text = err.getDescriptiveText();
        return err.getCondition() + (text == null || text.isBlank() ? "" : " (" + text + ")");
    }

    private static String host(String url) {
        try {
            URI u = URI.create(url);
            return u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
