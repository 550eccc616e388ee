package org.switchboard.res.cdr;

/**
 * ForkCDR()'s options.
 *
 * @param answerNow    a: the fork's answer time is now when the channel is up
 * @param endOriginal  e: the records before the fork end now
 * @param resetTimes   r: the fork starts (and, when up, answers) now
 * @param keepVariables v: the fork keeps the CDR variables (as app_forkcdr's code does; its
 *                      documentation says the opposite)
 */
public record CdrFork(boolean answerNow, boolean endOriginal, boolean resetTimes, boolean keepVariables) {
    public static CdrFork parse(String options) {
        String o = options == null ? "" : options;
        return new CdrFork(o.indexOf('a') >= 0, o.indexOf('e') >= 0, o.indexOf('r') >= 0, o.indexOf('v') >= 0);
    }
}
