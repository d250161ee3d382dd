package harvest.sms.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

import java.time.Duration;
import java.util.Map;

/**
 * The outbox's depth by status, shared by every instance (it is one table). A scrape reads one count per status
 * from a snapshot at most a few seconds old, so several scrapers cost one query.
 */
@Context
class OutboxGauges {
    private static final Duration FRESH = Duration.ofSeconds(5);

    private final SmsOutbox outbox;
    private Map<SmsStatus, Long> snapshot = Map.of();
    private long takenAt = Long.MIN_VALUE / 2;

    OutboxGauges(SmsOutbox outbox, MeterRegistry meters) {
        this.outbox = outbox;
        for (SmsStatus status : SmsStatus.values()) {
            Gauge.builder("harvest.sms.outbox", this, gauges -> gauges.depth(status))
                    .description("texts in the outbox by status").tag("status", status.name()).register(meters);
        }
    }

    private synchronized double depth(SmsStatus status) {
        if (System.nanoTime() - takenAt > FRESH.toNanos()) {
            snapshot = outbox.countByStatus();
            takenAt = System.nanoTime();
        }
        return snapshot.getOrDefault(status, 0L);
    }
}
