package org.switchboard.core;

/** What {@code module show} prints for a module. */
public record ModuleState(String name, String description, Status status, String reason, int useCount) {
    public enum Status { RUNNING("Running"), DECLINED("Declined"), NOT_LOADED("Not Running");
        private final String text;
        Status(String text) { this.text = text; }
        public String text() { return text; }
    }
}
