package org.switchboard.net.ice;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.ice4j.ice.Component;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.harvest.CandidateHarvester;
import org.ice4j.ice.harvest.HarvestStatistics;

/**
 * Gives ice4j our already bound sockets as host candidates (RFC 8445 §5.1.1.1) instead of letting
 * it bind sockets of its own on every interface.
 */
final class IceHostHarvester implements CandidateHarvester {
    private final List<NettyIceSocket> sockets;
    private final HarvestStatistics stats = new HarvestStatistics();

    IceHostHarvester(List<NettyIceSocket> sockets) { this.sockets = sockets; }

    @Override
    public Collection<LocalCandidate> harvest(Component component) {
        List<LocalCandidate> out = new ArrayList<>();
        for (NettyIceSocket s : sockets) {
            NettyHostCandidate c = new NettyHostCandidate(s, component);
            if (component.addLocalCandidate(c)) {
                c.getStunStack().addSocket(s);
                out.add(c);
            }
        }
        return out;
    }

    @Override public HarvestStatistics getHarvestStatistics() { return stats; }
    @Override public boolean isHostHarvester() { return true; }
}
