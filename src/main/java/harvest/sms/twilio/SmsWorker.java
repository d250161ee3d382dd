package harvest.sms.twilio;

import harvest.dispatch.AssignmentWork;
import harvest.sms.SmsSettings;
import harvest.sms.outbox.OutboxLeases;
import harvest.sms.outbox.SmsKind;
import harvest.sms.outbox.SmsMessage;
import harvest.sms.outbox.SmsOptOuts;
import harvest.sms.outbox.SmsOutbox;
import harvest.sms.outbox.SmsRecipient;
import harvest.sms.outbox.SmsStatus;
import harvest.system.DistrictTime;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Drains the outbox. Each text is claimed under a lease, then: expired texts are dropped as EXPIRED, opted-out
 * numbers get nothing, quiet hours and the daily cap defer (never drop) all but urgent texts, and the rest go to
 * the provider at the paced rate. Transient failures retry with exponential backoff and jitter; permanent ones
 * end the text as FAILED with the provider's code. A text still SENDING after its lease was being sent by a
 * worker that died, or its send got no answer: the provider's own list tells whether it went out before it is
 * tried again, and a provider message already recorded for another text is never taken for it. An operator's
 * itinerary or change the provider took makes its assignments NOTIFIED.
 */
@Singleton
public class SmsWorker {
    private static final Logger LOG = LoggerFactory.getLogger(SmsWorker.class);

    private final SmsOutbox outbox;
    private final OutboxLeases leases;
    private final SmsOptOuts optOuts;
    private final Clock clock;
    private final SmsSender sender;
    private final SmsSettings settings;
    private final SendPacer pacer;
    private final QuietHours quiet;
    private final AssignmentWork work;
    private final MeterRegistry meters;

    public SmsWorker(SmsOutbox outbox, OutboxLeases leases, SmsOptOuts optOuts, SmsSender sender, SmsSettings settings,
                     AssignmentWork work, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.outbox = outbox;
        this.leases = leases;
        this.optOuts = optOuts;
        this.clock = clock;
        this.work = work;
        this.sender = sender;
        this.settings = settings;
        this.pacer = new SendPacer(settings.getRatePerSecond());
        this.quiet = new QuietHours(settings.getQuietStart(), settings.getQuietEnd());
    }

    @Scheduled(fixedDelay = "${harvest.sms.poll:1s}", initialDelay = "${harvest.sms.initial-delay:5s}")
    void poll() {
        if (settings.isWorkerEnabled()) {
            drain();
        }
    }

    /** One round: settle texts left in doubt, then send what is due. Returns how many texts were handled. */
    public int drain() {
        // claim no more than can be sent well within the lease, so a live worker's texts never look abandoned
        int limit = (int) Math.max(1, Math.min(settings.getBatchSize(), settings.getRatePerSecond() * settings.getLease().toSeconds() / 2));
        List<SmsMessage> inDoubt = leases.claimInDoubt(limit, settings.getLease());
        inDoubt.forEach(this::settle);
        List<SmsMessage> due = leases.claim(limit, settings.getLease());
        for (SmsMessage message : due) {
            try {
                handle(message);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                leases.requeue(message.id(), clock.instant(), false, null);
                return inDoubt.size();
            }
        }
        return inDoubt.size() + due.size();
    }

    private void settle(SmsMessage message) {
        try {
            var found = sender.find(text(message), outbox::sidRecorded);
            if (found.isPresent()) {
                LOG.info("text {} had reached the provider as {} before its send was recorded", message.id(), found.get().sid());
                accepted(message, found.get());
            } else if (message.attempts() >= settings.getMaxAttempts()) {
                leases.end(message.id(), SmsStatus.FAILED, false, null, "gave up after " + message.attempts() + " attempts without an answer");
            } else {
                leases.requeue(message.id(), clock.instant(), false, "its send was cut off; the provider never got it");
            }
        } catch (RuntimeException e) {
            // the lease runs out and the next round asks again; past its validity the text would arrive too late
            LOG.warn("could not settle text {} yet: {}", message.id(), e.getMessage());
            if (clock.instant().isAfter(message.expiresAt())) {
                leases.end(message.id(), SmsStatus.EXPIRED, false, null, "in doubt until its validity ended: " + e.getMessage());
            }
        }
    }

    private void handle(SmsMessage message) throws InterruptedException {
        Instant now = clock.instant();
        if (now.isAfter(message.expiresAt())) {
            leases.end(message.id(), SmsStatus.EXPIRED, false, null, "not sent within its validity; it would have arrived too late");
        } else if (optOuts.optedOut(message.phone())) {
            leases.end(message.id(), SmsStatus.OPTED_OUT, false, null, "the recipient opted out of texts");
        } else if (!message.urgent() && quiet.contains(now)) {
            leases.requeue(message.id(), quiet.nextEnd(now), false, null);
        } else if (!message.urgent() && outbox.sentSince(message.phone(), startOfDay(now)) >= settings.getDailyCap()) {
            leases.requeue(message.id(), quiet.nextEnd(startOfDay(now).plus(Duration.ofDays(1))), false,
                    "deferred: the recipient's daily cap of " + settings.getDailyCap() + " texts is reached");
        } else {
            if (sender.paced()) {
                pacer.await();
            }
            SmsSender.Outcome outcome = sender.send(text(message));
            count(message, outcome);
            switch (outcome) {
                case SmsSender.Accepted accepted -> accepted(message, accepted);
                case SmsSender.Permanent refused -> leases.end(message.id(), SmsStatus.FAILED, true, refused.code(), refused.reason());
                case SmsSender.Transient failure -> retry(message, failure.reason());
                case SmsSender.Unanswered unanswered -> leases.inDoubt(message.id(), clock.instant().plus(backoff(message.attempts() + 1)), unanswered.reason());
            }
        }
    }

    /** Sends by kind and by what the provider said, with its error code when it refused. */
    private void count(SmsMessage message, SmsSender.Outcome outcome) {
        String said = switch (outcome) {
            case SmsSender.Accepted accepted -> "accepted";
            case SmsSender.Permanent refused -> "refused";
            case SmsSender.Transient failure -> "failed-for-now";
            case SmsSender.Unanswered unanswered -> "unanswered";
        };
        String code = outcome instanceof SmsSender.Permanent refused && refused.code() != null ? refused.code().toString() : "none";
        meters.counter("harvest.sms.sends", "kind", message.kind().name(), "outcome", said, "code", code).increment();
    }

    private void accepted(SmsMessage message, SmsSender.Accepted accepted) {
        leases.accepted(message.id(), accepted);
        if (message.recipientRole() == SmsRecipient.OPERATOR && message.planId() != null && !message.chunkIds().isEmpty()
                && (message.kind() == SmsKind.ITINERARY || message.kind() == SmsKind.PLAN_CHANGE)) {
            work.notified(message.planId(), message.chunkIds());
        }
    }

    private void retry(SmsMessage message, String reason) {
        int attempt = message.attempts() + 1;
        if (attempt >= settings.getMaxAttempts()) {
            leases.end(message.id(), SmsStatus.FAILED, true, null, "gave up after " + attempt + " attempts: " + reason);
            return;
        }
        leases.requeue(message.id(), clock.instant().plus(backoff(attempt)), true, reason);
    }

    private Duration backoff(int attempt) {
        long base = settings.getBackoff().toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private static SmsSender.Text text(SmsMessage message) {
        return new SmsSender.Text(message.id(), message.phone(), message.body(), message.createdAt());
    }

    private static Instant startOfDay(Instant instant) {
        return instant.atZone(DistrictTime.ZONE).toLocalDate().atStartOfDay(DistrictTime.ZONE).toInstant();
    }
}
