package org.switchboard.apps;

/** DateTime([unixtime[,timezone[,format]]]): SayUnixTime under its other name (app_sayunixtime). */
public final class DateTimeApp extends SayUnixTimeApp {
    @Override public String name() { return "DateTime"; }
    @Override public String syntax() { return "DateTime([unixtime[,timezone[,format]]])"; }

    @Override
    public String description() {
        return "Says the date and time in a format; the same application as SayUnixTime, whose description tells the arguments.\n"
                + super.description();
    }
}
