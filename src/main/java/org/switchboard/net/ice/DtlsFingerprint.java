package org.switchboard.net.ice;

/**
 * A DTLS certificate fingerprint as signalling carries it (RFC 8122 §5 {@code a=fingerprint},
 * XEP-0320 {@code <fingerprint hash=...>}): {@code hash} "sha-256", {@code value} upper-case hex
 * octets joined by colons.
 */
public record DtlsFingerprint(String hash, String value) {
    public DtlsFingerprint {
        if (hash == null || hash.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("a DTLS fingerprint needs a hash function and a value");
        }
        hash = hash.trim().toLowerCase(java.util.Locale.ROOT);
        value = value.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
