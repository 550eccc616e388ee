package org.switchboard.apps;

import java.util.List;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelUnavailableException;
import org.switchboard.core.PbxLog;

/** ChanIsAvail([Technology/Resource[&...]][,options]): which of these devices could take a call now (app_chanisavail). */
public final class ChanIsAvailApp implements Application {
    @Override public String name() { return "ChanIsAvail"; }
    @Override public String synopsis() { return "Check channel availability"; }
    @Override public String syntax() { return "ChanIsAvail([Technology/Resource[&Technology2/Resource2[&...]]][,options])"; }

    @Override
    public String description() {
        return """
                Checks the devices in order: a device is available when its channel driver can make
                a channel for it now (the channel is made and hung up at once, never called). The
                first available one is kept (all of them with 'a').
                Options:
                  a  check every device, not only up to the first available one
                  s  a device that is in use at all is unavailable (its device state)
                  t  only look whether a channel of the device exists (implies s)
                With s the device state is DEVICE_STATE()'s (a SIP peer's registration and calls,
                a Local extension's existence); with t it is only whether a channel
                Technology/Resource-... exists (ringing when it rings), unknown otherwise.
                Sets, each a list joined by &:
                  AVAILCHAN       the channel names that were made, e.g. SIP/100-0000000a
                  AVAILORIGCHAN   the devices that were available, as written (SIP/100)
                  AVAILSTATUS     each device's state as a number: 0 unknown (not looked at),
                                  1 not in use, 2 in use, 3 busy, 4 invalid,
                                  5 unavailable, 6 ringing, 7 ringing and in use, 8 on hold
                  AVAILCAUSECODE  the cause code of each channel made (0)""";
    }

    @Override
    public Result execute(Channel c, String data) {
        List<String> args = AppSupport.separate(data == null ? "" : data, ',', true, 2);
        String options = AppSupport.arg(args, 1) == null ? "" : AppSupport.arg(args, 1);
        boolean all = options.indexOf('a') >= 0;
        boolean inUseCheck = options.indexOf('s') >= 0;
        boolean existsCheck = options.indexOf('t') >= 0;
        StringBuilder chans = new StringBuilder(), orig = new StringBuilder(), states = new StringBuilder(), causes = new StringBuilder();
        String rest = AppSupport.arg(args, 0) == null ? "" : AppSupport.arg(args, 0);
        int inUse = -1;   // kept from one device to the next, as app_chanisavail does
        for (String item : rest.split("&", -1)) {
            String device = item.strip();
            int slash = device.indexOf('/');
            if (slash < 0) {
                if (!device.isEmpty()) PbxLog.warning("app_chanisavail.c", "Invalid ChanIsAvail technology/resource argument: '" + device + "'");
                join(states, String.valueOf(DeviceStates.INVALID));
                continue;
            }
            String tech = device.substring(0, slash), resource = device.substring(slash + 1);
            int status = DeviceStates.UNKNOWN;
            if (existsCheck) status = inUse = DeviceStates.fromChannels(c.pbx(), device);
            else if (inUseCheck) status = inUse = DeviceStates.of(c.pbx(), device);
            join(states, String.valueOf(status));
            if (inUse > DeviceStates.NOT_INUSE) continue;
            Channel temp;
            try {
                temp = c.pbx().requestChannel(tech, resource, c);
            } catch (ChannelUnavailableException | RuntimeException e) {
                continue;
            }
            join(chans, temp.name());
            join(orig, tech + "/" + resource);
            join(causes, "0");
            temp.hangup();
            if (!all) break;
        }
        c.setVar("AVAILCHAN", chans.toString());
        c.setVar("AVAILORIGCHAN", orig.toString());
        c.setVar("AVAILSTATUS", states.toString());
        c.setVar("AVAILCAUSECODE", causes.toString());
        return Result.CONTINUE;
    }

    private static void join(StringBuilder list, String item) {
        if (!list.isEmpty()) list.append('&');
        list.append(item);
    }
}
