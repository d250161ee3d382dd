package harvest.dispatch;

import harvest.planning.Assignment;

import java.util.List;

/**
 * Raised inside the forecast's transaction when new windows put published work in rain or dry-out; the SMS
 * outbox queues the urgent alerts with it.
 */
public record RainThreatened(long planId, List<Assignment> threatened) {
}
