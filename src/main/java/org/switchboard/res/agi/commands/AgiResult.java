package org.switchboard.res.agi.commands;

/**
 * What a command answered: the response line (without its line feed) and what it means for the
 * run, as res_agi's RESULT_SUCCESS / RESULT_SHOWUSAGE / RESULT_FAILURE: a failure not caused by
 * a hangup makes AGISTATUS FAILURE at the end, the program carrying on meanwhile.
 */
public record AgiResult(String text, Outcome outcome) {
    public enum Outcome { SUCCESS, SHOW_USAGE, FAILURE, ASYNC_BREAK }

    public static AgiResult ok(String text) { return new AgiResult(text, Outcome.SUCCESS); }

    public static AgiResult failed(String text) { return new AgiResult(text, Outcome.FAILURE); }

    /** {@code 200 result=N}, a success. */
    public static AgiResult result(long n) { return ok("200 result=" + n); }

    /**
     * {@code 200 result=N (data)}. A line feed in the data would end the answer early and put the
     * program out of step, so it is sent as a blank.
     */
    public static AgiResult withData(long n, String data) { return ok("200 result=" + n + " (" + (data == null ? "" : data.replace('\n', ' ').replace('\r', ' ')) + ")"); }

    /** {@code 200 result=N}: a success when N is not negative, else a failure (a hangup, an error). */
    public static AgiResult byCode(int n, String text) { return n >= 0 ? ok(text) : failed(text); }

    public static AgiResult usage() { return new AgiResult(null, Outcome.SHOW_USAGE); }
}
