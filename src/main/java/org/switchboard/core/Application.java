package org.switchboard.core;

/**
 * A dialplan application, registered by its module's {@link Module#register}
 * ({@code ctx.application(new DialApp())}); names are matched case-insensitively.
 */
public interface Application extends Documented {
    enum Result { CONTINUE, HANGUP }

    /**
     * Runs on the channel's own (virtual) thread; blocking is fine and is how apps wait.
     *
     * @param data the argument text after substitution, exactly as Asterisk passes it (split it with
     *             {@link AppArgs#split})
     * @return {@link Result#HANGUP} to end the dialplan as Asterisk's -1 does
     * @throws HangupException when the channel was hung up while the app waited
     */
    Result execute(Channel channel, String data);
}
