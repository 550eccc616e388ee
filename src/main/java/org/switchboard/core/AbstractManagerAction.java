package org.switchboard.core;

/** A {@link ManagerAction} whose docs and privilege are given once, in its constructor. */
public abstract class AbstractManagerAction implements ManagerAction {
    private final String name;
    private final String privilege;
    private final String synopsis;
    private final String syntax;
    private final String description;

    protected AbstractManagerAction(String name, String privilege, String synopsis, String syntax, String description) {
        this.name = name;
        this.privilege = privilege;
        this.synopsis = synopsis;
        this.syntax = syntax;
        this.description = description;
    }

    @Override public final String name() { return name; }
    @Override public final String privilege() { return privilege; }
    @Override public final String synopsis() { return synopsis; }
    @Override public final String syntax() { return syntax; }
    @Override public final String description() { return description; }
}
