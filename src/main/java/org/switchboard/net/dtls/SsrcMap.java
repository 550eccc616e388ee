package org.switchboard.net.dtls;

/**
 * A few values keyed by SSRC, without boxing: a linear scan of at most a handful (a call has one
 * or two sources a side), the last hit first. Full: the oldest entry makes room.
 */
final class SsrcMap<V> {
    private final int[] keys;
    private final Object[] values;
    private int size, next, last = -1;

    SsrcMap(int capacity) {
        keys = new int[capacity];
        values = new Object[capacity];
    }

    @SuppressWarnings("unchecked")
    V get(int ssrc) {
        if (last >= 0 && keys[last] == ssrc) return (V) values[last];
        for (int i = 0; i < size; i++) {
            if (keys[i] == ssrc) {
                last = i;
                return (V) values[i];
            }
        }
        return null;
    }

    V put(int ssrc, V v) {
        int i = size < keys.length ? size++ : next++ % keys.length;
        keys[i] = ssrc;
        values[i] = v;
        last = i;
        return v;
    }
}
