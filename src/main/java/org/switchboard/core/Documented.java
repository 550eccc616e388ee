package org.switchboard.core;

/**
 * Anything an admin can look up with {@code core show application|function X}: its docs live with
 * its code. Which module it belongs to is the one that registered it ({@link Modules#moduleOf}).
 */
public interface Documented {
    /** The name used in the dialplan, e.g. {@code Dial} or {@code FILTER}. */
    String name();
    /** One line. */
    String synopsis();
    /** How it is written, e.g. {@code Dial(Technology/Resource[&Technology2/Resource2[&...]][,timeout[,options[,URL]]])}. */
    String syntax();
    /** What it does, its arguments, options and the variables it sets. */
    String description();
}
