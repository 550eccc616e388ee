package org.switchboard.core;

/** Anything an admin can look up with {@code core show application|function X}: its docs live with its code. */
public interface Documented {
    /** The name used in the dialplan, e.g. {@code Dial} or {@code FILTER}. */
    String name();
    /**
     * The module that registers it, with Asterisk's name where Asterisk has one ({@code app_dial}).
     * Only a label: what a module owns is what its {@link Module#register} registers (a test checks
     * the two agree).
     */
    String module();
    /** One line. */
    String synopsis();
    /** How it is written, e.g. {@code Dial(Technology/Resource[&Technology2/Resource2[&...]][,timeout[,options[,URL]]])}. */
    String syntax();
    /** What it does, its arguments, options and the variables it sets. */
    String description();
}
