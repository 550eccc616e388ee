package org.switchboard.res.manager;

/**
 * An event rendered once for every session: its class bits (for read permissions), its text (for
 * filters) and its bytes (for the wire).
 */
record RenderedEvent(String name, int category, String text, byte[] bytes) {}
