package org.switchboard.channels.pjsip;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.channels.pjsip.config.PjsipAor;
import org.switchboard.channels.pjsip.config.PjsipEndpoint;
import org.switchboard.channels.pjsip.config.PjsipSettings;
import org.switchboard.channels.sip.SipStack;
import org.switchboard.channels.sip.message.SipUri;
import org.switchboard.channels.sip.registrar.Binding;

/** Where an endpoint can be reached now: its aors' static contacts and registered ones, in aor order. */
final class PjsipContacts {
    private PjsipContacts() {}

    /**
     * One contact of an aor.
     *
     * @param binding the registration, or null for a static {@code contact=}
     */
    record Contact(String aor, String uri, Binding binding) {
        /** The URI as a record, or null when it does not parse. */
        SipUri sipUri() {
            if (binding != null) return binding.contact();
            try {
                return SipUri.parse(uri);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** res_pjsip's contact id: {@code aor;@hash}, the hash an MD5 of the URI (stable while the contact stays). */
    static String id(Contact c) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5").digest(c.uri().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return c.aor() + ";@" + java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /** The contact with {@code id}, among every aor's, or null. */
    static Contact byId(SipStack stack, PjsipSettings s, String id) {
        int sep = id.indexOf(";@");
        if (sep < 0) return null;
        PjsipAor aor = s.aor(id.substring(0, sep));
        for (Contact c : ofAor(stack, aor)) if (id(c).equals(id)) return c;
        return null;
    }

    static List<Contact> of(SipStack stack, PjsipSettings s, PjsipEndpoint e) {
        List<Contact> out = new ArrayList<>();
        for (String name : e.aors()) out.addAll(ofAor(stack, s.aor(name)));
        return out;
    }

    static List<Contact> ofAor(SipStack stack, PjsipAor aor) {
        List<Contact> out = new ArrayList<>();
        if (aor == null) return out;
        for (String c : aor.contacts()) out.add(new Contact(aor.name(), c, null));
        for (Binding b : stack.registrar().contacts(aor.name())) out.add(new Contact(aor.name(), b.contact().toString(), b));
        return out;
    }
}
