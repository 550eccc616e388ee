package org.switchboard.net.ice;

/** ICE username fragment and password (RFC 8445 §5.3; SDP a=ice-ufrag/a=ice-pwd, XEP-0176 ufrag/pwd). */
public record IceCredentials(String ufrag, String pwd) {
    public IceCredentials {
        if (ufrag == null || ufrag.isEmpty() || pwd == null || pwd.isEmpty()) {
            throw new IllegalArgumentException("ICE credentials need a ufrag and a pwd");
        }
    }

    @Override
    public String toString() { return "IceCredentials[" + ufrag + "]"; } // the password stays out of logs
}
