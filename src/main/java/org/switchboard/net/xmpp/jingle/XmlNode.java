package org.switchboard.net.xmpp.jingle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * One XML element as read off the stream, immutable: the neutral form the Jingle records are
 * parsed from and written to, so the records' parsers ({@link JingleParser}, {@link JmiParser})
 * are plain functions with no parser state and no I/O, and tests build input from strings.
 *
 * @param namespace the element's namespace ("" when none)
 */
public record XmlNode(String name, String namespace, Map<String, String> attributes, List<XmlNode> children, String text) {
    /** Elements one Jingle payload may hold in all; more is not a call, it is an attack. */
    static final int MAX_ELEMENTS = 2_000;

    public XmlNode {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
        text = text == null ? "" : text;
    }

    public static XmlNode of(String name, String namespace) {
        return new XmlNode(name, namespace, Map.of(), List.of(), "");
    }

    public String attr(String key) { return attributes.get(key); }

    /** The first child with this name (any namespace), or null. */
    public XmlNode child(String childName) {
        for (XmlNode c : children) if (c.name.equals(childName)) return c;
        return null;
    }

    /** The first child with this name and namespace, or null. */
    public XmlNode child(String childName, String ns) {
        for (XmlNode c : children) if (c.name.equals(childName) && c.namespace.equals(ns)) return c;
        return null;
    }

    public List<XmlNode> children(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) if (c.name.equals(childName)) out.add(c);
        return out;
    }

    /** A builder-style copy with one more attribute (null values are left out). */
    public XmlNode with(String key, Object value) {
        if (value == null) return this;
        Map<String, String> a = new LinkedHashMap<>(attributes);
        a.put(key, value.toString());
        return new XmlNode(name, namespace, a, children, text);
    }

    /** A copy with one more child (null is left out). */
    public XmlNode add(XmlNode child) {
        if (child == null) return this;
        List<XmlNode> c = new ArrayList<>(children);
        c.add(child);
        return new XmlNode(name, namespace, attributes, c, text);
    }

    public XmlNode withText(String t) { return new XmlNode(name, namespace, attributes, children, t); }

    /**
     * Reads the element the parser stands on, to its end tag (where the parser is left).
     *
     * @throws XmlPullParserException when it holds more than {@link #MAX_ELEMENTS} elements
     */
    public static XmlNode read(XmlPullParser p) throws XmlPullParserException, IOException {
        int[] count = {0};
        return read(p, count);
    }

    private static XmlNode read(XmlPullParser p, int[] count) throws XmlPullParserException, IOException {
        if (++count[0] > MAX_ELEMENTS) throw new XmlPullParserException("more than " + MAX_ELEMENTS + " elements");
        String name = p.getName();
        String ns = p.getNamespace();
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < p.getAttributeCount(); i++) {
            String prefix = p.getAttributePrefix(i);
            String key = prefix == null || prefix.isEmpty() ? p.getAttributeName(i) : prefix + ":" + p.getAttributeName(i);
            attrs.put(key, p.getAttributeValue(i));
        }
        List<XmlNode> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int depth = p.getDepth();
        for (;;) {
            XmlPullParser.Event e = p.next();
            switch (e) {
                case START_ELEMENT -> children.add(read(p, count));
                case TEXT_CHARACTERS -> { if (text.length() < 8192) text.append(p.getText()); }
                case END_ELEMENT -> {
                    if (p.getDepth() == depth) return new XmlNode(name, ns == null ? "" : ns, attrs, children, text.toString());
                }
                case END_DOCUMENT -> throw new XmlPullParserException("the stream ended inside <" + name + ">");
                default -> { }
            }
        }
    }

    /** The element as XML; {@code parentNs} is the namespace in scope, so xmlns is written only where it changes. */
    public String toXml(String parentNs) {
        StringBuilder sb = new StringBuilder();
        write(sb, parentNs);
        return sb.toString();
    }

    /** Only the children and text, for a wrapper that writes the start tag itself (an IQ's child). */
    public String innerXml() {
        StringBuilder sb = new StringBuilder();
        sb.append(escape(text, false));
        for (XmlNode c : children) c.write(sb, namespace);
        return sb.toString();
    }

    private void write(StringBuilder sb, String parentNs) {
        sb.append('<').append(name);
        if (!namespace.equals(parentNs)) sb.append(" xmlns='").append(escape(namespace, true)).append('\'');
        attributes.forEach((k, v) -> sb.append(' ').append(k).append("='").append(escape(v, true)).append('\''));
        if (children.isEmpty() && text.isEmpty()) {
            sb.append("/>");
            return;
        }
        sb.append('>').append(escape(text, false));
        for (XmlNode c : children) c.write(sb, namespace);
        sb.append("</").append(name).append('>');
    }

    static String escape(String s, boolean attribute) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '\'' -> attribute ? "&apos;" : null;
                case '"' -> attribute ? "&quot;" : null;
                default -> null;
            };
            if (r != null && sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (sb != null) {
                if (r != null) sb.append(r);
                else sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
