package harvest.bench;

import harvest.sms.outbox.SmsKind;
import harvest.sms.outbox.SmsLanguage;
import harvest.sms.outbox.SmsOutbox;
import harvest.sms.outbox.SmsRecipient;
import harvest.sms.outbox.SmsStatus;
import harvest.sms.twilio.SmsSender;
import harvest.sms.twilio.SmsWorker;
import harvest.testing.DatabaseTest;
import harvest.testing.FakeTwilio;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * 10,000 queued texts drained through the outbox and the real Twilio SDK against the local fake Twilio at the
 * configured rate; the baseline is the same SDK sending directly, unpaced, in the same process.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
class SmsBenchmark extends DatabaseTest {
    private static final FakeTwilio TWILIO = new FakeTwilio();
    private static final int TEXTS = 10_000;
    private static final double RATE = 200;

    @Inject
    SmsOutbox outbox;
    @Inject
    SmsSender sender;
    @Inject
    SmsWorker worker;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.sms.worker-enabled", "false", "harvest.sms.rate-per-second", String.valueOf(RATE),
                "harvest.sms.batch-size", "500", "harvest.sms.daily-cap", "100000",
                "harvest.sms.quiet-start", "00:00", "harvest.sms.quiet-end", "00:00",
                "harvest.sms.twilio.account-sid", FakeTwilio.ACCOUNT, "harvest.sms.twilio.auth-token", FakeTwilio.TOKEN,
                "harvest.sms.twilio.from", "+15005550006", "harvest.sms.twilio.api-base-url", TWILIO.baseUrl());
    }

    @AfterAll
    void stop() {
        TWILIO.close();
    }

    @Test
    void ten_thousand_texts_drain_at_the_configured_rate_with_none_lost_or_doubled() {
        int warm = 1_000;
        long started = System.nanoTime();
        for (int i = 0; i < warm; i++) {
            sender.send(new SmsSender.Text(-i, "+8613700000000", "baseline " + i, Instant.now()));
        }
        double baselinePerText = (System.nanoTime() - started) / 1e6 / warm;

        outbox.queue(IntStream.range(0, TEXTS).mapToObj(i -> new SmsOutbox.NewText(SmsKind.BROADCAST, SmsRecipient.FARMER, "F" + i,
                "+86139" + String.format("%08d", i), SmsLanguage.ZH, "抢收通知 " + i, false, null)).toList(), Duration.ofHours(2));
        started = System.nanoTime();
        while (worker.drain() > 0) {
            // until the outbox is empty
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Long> perBody = TWILIO.created().stream().filter(m -> m.get("Body").startsWith("抢收通知"))
                .collect(Collectors.groupingBy(m -> m.get("Body"), Collectors.counting()));
        long doubled = perBody.values().stream().filter(n -> n > 1).count();
        long sent = outbox.count(new SmsOutbox.Filter(null, SmsStatus.SENT, null, null));
        double rate = TEXTS / seconds;
        System.out.printf("%nSMS: baseline (SDK straight to the fake Twilio, unpaced) %.2f ms a text; outbox drain of %d texts"
                        + " at %.0f/s configured: %.1f s, %.1f texts/s = %.3f x the configured rate (%.1f x the baseline's time a"
                        + " text); sent %d, lost %d, doubled %d%n%n", baselinePerText, TEXTS, RATE, seconds, rate, rate / RATE,
                seconds * 1000 / TEXTS / baselinePerText, sent, TEXTS - perBody.size(), doubled);
    }
}
