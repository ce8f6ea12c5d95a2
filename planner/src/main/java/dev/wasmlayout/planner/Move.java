package dev.wasmlayout.planner;

/**
 * A region the previous lock placed elsewhere, and why it could not stay.
 *
 * @param reason e.g. "it grew from 64KiB to 128KiB and 'consumer.stack' is in the way"
 */
public record Move(String region, long oldStart, long newStart, String reason) {
}
