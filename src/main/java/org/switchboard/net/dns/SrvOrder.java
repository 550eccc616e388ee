package org.switchboard.net.dns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * The order in which to try SRV targets (RFC 2782, "Usage rules"): lowest priority first; within
 * one priority, a weighted random draw repeated until none is left, records of weight 0 placed
 * first so that they are chosen rarely but can be. A lone target "." means the service is not
 * offered at this name: no targets.
 */
public final class SrvOrder {
    private SrvOrder() {}

    /** @param random given n, a uniform number in [0, n] (inclusive), as the RFC's draw asks */
    public static List<DnsRecord.Srv> order(List<DnsRecord.Srv> records, IntUnaryOperator random) {
        if (records.size() == 1 && records.get(0).target().equals(".")) return List.of();
        TreeMap<Integer, List<DnsRecord.Srv>> byPriority = new TreeMap<>();
        for (DnsRecord.Srv r : records) {
            if (!r.target().equals(".")) byPriority.computeIfAbsent(r.priority(), p -> new ArrayList<>()).add(r);
        }
        List<DnsRecord.Srv> out = new ArrayList<>();
        for (List<DnsRecord.Srv> group : byPriority.values()) {
            List<DnsRecord.Srv> left = new ArrayList<>(group);
            left.sort(Comparator.comparingInt(DnsRecord.Srv::weight));   // weight 0 first
            while (!left.isEmpty()) {
                int sum = 0;
                for (DnsRecord.Srv r : left) sum += r.weight();
                int draw = random.applyAsInt(sum);
                int running = 0;
                for (int i = 0; i < left.size(); i++) {
                    running += left.get(i).weight();
                    if (running >= draw) {
                        out.add(left.remove(i));
                        break;
                    }
                }
            }
        }
        return out;
    }
}
