package org.switchboard.core;

/**
 * A dialplan function, {@code ${NAME(args)}} to read and {@code Set(NAME(args)=value)} to write.
 * Registered by its module's {@link Module#register} ({@code ctx.function(new FilterFunction())}); names are
 * case-insensitive. Bad arguments are logged with {@link PbxLog#warning} and give an empty result,
 * as Asterisk does; a function never throws for what a dialplan writes.
 */
public interface DialplanFunction extends Documented {
    /** @param args the text between the parentheses, already substituted */
    String read(Channel channel, String args);

    default boolean writable() { return false; }

    /** @param args the text between the parentheses, already substituted; value after substitution */
    default void write(Channel channel, String args, String value) {
        PbxLog.warning("pbx", "Function '" + name() + "' cannot be written to");
    }
}
