package org.switchboard.apps;

import java.util.List;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.EventBus;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.PbxLog;

/** UserEvent(eventname[,key1: value1[,key2: value2[,...]]]): a custom Manager event. */
public final class UserEventApp implements Application {
    @Override public String name() { return "UserEvent"; }
    @Override public String synopsis() { return "Send an arbitrary user-defined event to Manager clients."; }
    @Override public String syntax() { return "UserEvent(eventname[,body])"; }

    @Override
    public String description() {
        return """
                Sends a Manager event 'UserEvent' with the channel's usual fields, a header
                'UserEvent: <eventname>', and one header for each further argument written as
                'key: value' (the value's surrounding blanks are dropped; arguments without a ':'
                are skipped). Up to 100 headers:
                  UserEvent(CallRecorded,File: /tmp/x.wav,Seconds: 42)
                Without an event name it is a warning and ends the call.""";
    }

    @Override
    public Result execute(Channel channel, String data) {
        if (data == null || data.isEmpty()) {
            PbxLog.warning("app_userevent.c", "UserEvent requires an argument (eventname,optional event body)");
            return Result.HANGUP;
        }
        EventBus events = channel.pbx().events();
        if (!events.hasSubscribers()) return Result.CONTINUE;
        List<String> args = AppSupport.separate(data, ',', true, 101);
        ManagerEvent.Builder e = ManagerEvent.of("UserEvent", "user").channel(channel).put("UserEvent", args.get(0));
        for (int i = 1; i < args.size(); i++) {
            String extra = args.get(i);
            int colon = extra.indexOf(':');
            if (colon < 0) continue;
            e.put(extra.substring(0, colon), extra.substring(colon + 1).strip());
        }
        events.publish(e.build());
        return Result.CONTINUE;
    }
}
