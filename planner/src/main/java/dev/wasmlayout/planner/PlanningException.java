package dev.wasmlayout.planner;

import dev.wasmlayout.manifest.Manifest;
import dev.wasmlayout.source.Location;

/**
 * A plan that cannot be made: fixed regions that overlap, a budget too small, a locked plan that
 * would move something, inconsistent inspection results. One-line message; prefixed with
 * {@code file:line:column: } when a place in the manifest is to blame.
 */
public class PlanningException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String detail;

    public PlanningException(String message, String detail) {
        super(message);
        this.detail = detail;
    }

    static PlanningException of(String detail) {
        return new PlanningException(detail, detail);
    }

    /** Prefixes the manifest's file and {@code where} (when known) the way manifest errors are. */
    static PlanningException at(Manifest manifest, Location where, String detail) {
        return new PlanningException(manifest.file() + (where == null ? "" : ":" + where) + ": " + detail, detail);
    }

    /** The message without the location prefix. */
    public String detail() {
        return detail;
    }
}
