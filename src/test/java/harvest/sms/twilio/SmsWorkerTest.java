package harvest.sms.twilio;

import harvest.dispatch.AssignmentWork;
import harvest.sms.SmsSettings;
import harvest.sms.outbox.OutboxLeases;
import harvest.sms.outbox.SmsKind;
import harvest.sms.outbox.SmsLanguage;
import harvest.sms.outbox.SmsMessage;
import harvest.sms.outbox.SmsOptOuts;
import harvest.sms.outbox.SmsOutbox;
import harvest.sms.outbox.SmsRecipient;
import harvest.sms.outbox.SmsStatus;
import harvest.system.DistrictTime;
import harvest.testing.DatabaseTest;
import harvest.testing.FakeTwilio;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The outbox worker with the real Twilio SDK against a local fake Twilio, over a real PostgreSQL. */
@MicronautTest(transactional = false)
class SmsWorkerTest extends DatabaseTest {
    private static final FakeTwilio TWILIO = new FakeTwilio();

    @Inject
    SmsOutbox outbox;
    @Inject
    OutboxLeases leases;
    @Inject
    SmsOptOuts optOuts;
    @Inject
    SmsSender sender;
    @Inject
    AssignmentWork work;
    @Inject
    SmsSettings settings;
    @Inject
    java.time.Clock clock;
    @Inject
    MeterRegistry meters;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.sms.worker-enabled", "false", "harvest.sms.rate-per-second", "100000", "harvest.sms.batch-size", "100",
                "harvest.sms.twilio.account-sid", FakeTwilio.ACCOUNT, "harvest.sms.twilio.auth-token", FakeTwilio.TOKEN,
                "harvest.sms.twilio.from", "+15005550006", "harvest.sms.twilio.api-base-url", TWILIO.baseUrl(),
                "harvest.sms.quiet-start", "00:00", "harvest.sms.quiet-end", "00:00", "harvest.sms.daily-cap", "100000");
    }

    @AfterAll
    void stopTwilio() {
        TWILIO.close();
    }

    private static SmsOutbox.NewText text(String phone, String body, boolean urgent) {
        return new SmsOutbox.NewText(SmsKind.FIELD_NOTICE, SmsRecipient.FARMER, "F1", phone, SmsLanguage.ZH, body, urgent, null);
    }

    private List<SmsMessage> messagesTo(String phone) {
        return outbox.list(new SmsOutbox.Filter(phone, null, null, null), null, 0, 500);
    }

    private long sentTo(String phone) {
        return TWILIO.created().stream().filter(m -> m.get("To").equals(phone)).count();
    }

    private SmsWorker worker(SmsSettings custom) {
        return worker(custom, sender);
    }

    private SmsWorker worker(SmsSettings custom, SmsSender through) {
        return new SmsWorker(outbox, leases, optOuts, through, custom, work, clock, meters);
    }

    private void drainAll(SmsWorker worker) {
        while (worker.drain() > 0) {
            // until nothing is due
        }
    }

    @Test
    void two_workers_over_a_thousand_texts_send_each_exactly_once() throws Exception {
        String phone = "+8613900001000";
        outbox.queue(IntStream.range(0, 1000).mapToObj(i -> text(phone, "text " + i, false)).toList(), Duration.ofHours(1));
        SmsWorker first = worker(settings);
        SmsWorker second = worker(settings);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (SmsWorker worker : List.of(first, second)) {
            runs.add(pool.submit(() -> drainAll(worker)));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        Map<String, Long> perBody = TWILIO.created().stream().filter(m -> m.get("To").equals(phone))
                .collect(Collectors.groupingBy(m -> m.get("Body"), Collectors.counting()));
        assertThat(perBody).hasSize(1000).allSatisfy((body, count) -> assertThat(count).as(body).isEqualTo(1));
        assertThat(messagesTo(phone)).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(SmsStatus.SENT);
            assertThat(m.sid()).startsWith("SM");
        });
    }

    @Test
    void a_worker_killed_mid_send_neither_loses_nor_doubles_a_text() throws SQLException {
        String phone = "+8613900002000";
        outbox.queue(IntStream.range(0, 10).mapToObj(i -> text(phone, "batch " + i, false)).toList(), Duration.ofHours(1));
        // a worker claims the batch, gets four texts to Twilio and dies before recording anything
        List<SmsMessage> claimed = leases.claim(10, Duration.ofMinutes(2));
        claimed.subList(0, 4).forEach(m -> sender.send(new SmsSender.Text(m.id(), m.phone(), m.body(), m.createdAt())));
        assertThat(worker(settings).drain()).as("its lease still runs: nothing to do").isZero();
        sql("UPDATE sms_message SET lease_until = now() - interval '1 second' WHERE phone = '" + phone + "'");

        drainAll(worker(settings));

        assertThat(sentTo(phone)).isEqualTo(10);
        assertThat(messagesTo(phone)).hasSize(10).allSatisfy(m -> assertThat(m.status()).isEqualTo(SmsStatus.SENT));
        assertThat(TWILIO.created().stream().filter(m -> m.get("To").equals(phone)).map(m -> m.get("Body")).distinct().count()).isEqualTo(10);
    }

    /** A worker's death: nothing after it runs, whatever it was doing (so not an exception the worker handles). */
    static final class Killed extends Error {
    }

    /** The real sender in a worker that dies at random around the provider's answer, or whose send Twilio never answers. */
    record Dying(SmsSender real, Random random) implements SmsSender {
        @Override
        public Outcome send(Text text) {
            dieNowAndThen();
            if (random.nextInt(100) < 2) {
                TWILIO.takeWithoutAnswer(1);
            }
            Outcome outcome = real.send(text);
            dieNowAndThen();
            return outcome;
        }

        @Override
        public Optional<Accepted> find(Text text, Predicate<String> recorded) {
            dieNowAndThen();
            return real.find(text, recorded);
        }

        private void dieNowAndThen() {
            if (random.nextInt(100) < 3) {
                throw new Killed();
            }
        }
    }

    @Test
    void workers_killed_at_random_points_over_a_thousand_texts_with_repeated_bodies_lose_none_and_double_none() throws Exception {
        List<String> phones = IntStream.range(0, 50).mapToObj(i -> "+86139000%05d".formatted(50_000 + i)).toList();
        // each number gets ten notices, each twice: a repeated broadcast, identical bodies to the same number
        outbox.queue(IntStream.range(0, 1000).mapToObj(i -> text(phones.get(i % 50), "notice " + (i / 50) % 10, false)).toList(),
                Duration.ofHours(1));
        SmsSettings quick = Settings.copy(settings).withRetries(Duration.ofSeconds(1), Duration.ofMillis(20), 20);
        Random random = new Random(20261201);
        AtomicInteger kills = new AtomicInteger();

        // a killed worker's texts come back once their one-second lease runs out
        await().atMost(Duration.ofMinutes(3)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> {
            try {
                worker(quick, new Dying(sender, random)).drain();
            } catch (Killed killed) {
                kills.incrementAndGet();
            }
            return unsettled(phones) == 0;
        });

        List<SmsMessage> rows = phones.stream().flatMap(phone -> messagesTo(phone).stream()).toList();
        List<Map<String, String>> taken = TWILIO.created().stream().filter(m -> phones.contains(m.get("To"))).toList();
        assertThat(kills.get()).as("workers killed").isGreaterThan(20);
        assertThat(rows).hasSize(1000).allSatisfy(m -> assertThat(m.status()).as("text %d", m.id()).isEqualTo(SmsStatus.SENT));
        assertThat(taken).as("texts Twilio took").hasSize(1000);
        assertThat(taken.stream().collect(Collectors.groupingBy(m -> m.get("To") + " " + m.get("Body"), Collectors.counting())))
                .hasSize(500).allSatisfy((text, count) -> assertThat(count).as(text).isEqualTo(2));
        assertThat(rows.stream().map(SmsMessage::sid).collect(Collectors.toSet()))
                .isEqualTo(taken.stream().map(m -> m.get("Sid")).collect(Collectors.toSet()));
    }

    private long unsettled(List<String> phones) {
        return phones.stream().flatMap(phone -> messagesTo(phone).stream())
                .filter(m -> m.status() == SmsStatus.QUEUED || m.status() == SmsStatus.SENDING).count();
    }

    @Test
    void quiet_hours_defer_all_but_urgent_texts_to_the_morning() {
        String phone = "+8613900003000";
        outbox.queue(List.of(text(phone, "plan for tomorrow", false), text(phone, "storm in an hour: stop and cover the grain", true)),
                Duration.ofHours(24));
        LocalTime now = Instant.now().atZone(DistrictTime.ZONE).toLocalTime();
        SmsSettings night = Settings.copy(settings).withQuietHours(now.minusHours(1), now.plusHours(1));

        drainAll(worker(night));

        assertThat(messagesTo(phone)).anySatisfy(m -> {
            assertThat(m.urgent()).isTrue();
            assertThat(m.status()).isEqualTo(SmsStatus.SENT);
        }).anySatisfy(m -> {
            assertThat(m.urgent()).isFalse();
            assertThat(m.status()).isEqualTo(SmsStatus.QUEUED);
            assertThat(m.notBefore()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
            assertThat(m.attempts()).isZero();
        });
        assertThat(sentTo(phone)).isEqualTo(1);
    }

    @Test
    void stale_texts_expire_instead_of_arriving_late_and_opted_out_numbers_get_nothing() throws SQLException {
        outbox.queue(List.of(text("+8613900004000", "too late", false)), Duration.ZERO);
        sql("INSERT INTO community (code, name, street, lat, lon) VALUES ('C-OPT', '社区', '街道', 34.0, 113.8)");
        sql("INSERT INTO farmer (code, name, phone, community_code, sms_opted_out_at) VALUES ('F-OPT', '农户', '+8613900004001', 'C-OPT', now())");
        outbox.queue(List.of(text("+8613900004001", "you said stop", false)), Duration.ofHours(1));

        drainAll(worker(settings));

        assertThat(messagesTo("+8613900004000")).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(SmsStatus.EXPIRED));
        assertThat(messagesTo("+8613900004001")).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(SmsStatus.OPTED_OUT));
        assertThat(sentTo("+8613900004000") + sentTo("+8613900004001")).isZero();
    }

    @Test
    void transient_failures_retry_later_with_backoff_and_permanent_ones_fail_with_twilios_code() {
        String flaky = "+8613900005000";
        outbox.queue(List.of(text(flaky, "try again", false)), Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            TWILIO.failNext(503, 20503);
        }
        drainAll(worker(settings));
        SmsMessage retried = messagesTo(flaky).getFirst();
        assertThat(retried.status()).isEqualTo(SmsStatus.QUEUED);
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.notBefore()).isAfter(Instant.now().plusSeconds(10));
        assertThat(retried.errorMessage()).contains("503");

        String invalid = "+8613900005001";
        outbox.queue(List.of(text(invalid, "nobody there", false)), Duration.ofHours(1));
        TWILIO.failNext(400, 21211);
        drainAll(worker(settings));
        assertThat(messagesTo(invalid)).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(SmsStatus.FAILED);
            assertThat(m.errorCode()).isEqualTo(21211);
        });
    }

    @Test
    void beyond_the_daily_cap_a_recipients_texts_wait_for_tomorrow() {
        String phone = "+8613900006000";
        outbox.queue(IntStream.range(0, 3).mapToObj(i -> text(phone, "note " + i, false)).toList(), Duration.ofDays(2));
        SmsSettings capped = Settings.copy(settings).withDailyCap(2);

        drainAll(worker(capped));

        assertThat(sentTo(phone)).isEqualTo(2);
        assertThat(messagesTo(phone)).filteredOn(m -> m.status() == SmsStatus.QUEUED).singleElement()
                .satisfies(m -> assertThat(m.errorMessage()).contains("daily cap"));
    }

    /**
     * The configured settings with a few changed, for a worker built by hand. The components are named as the
     * interface's getters so that the record implements it as it stands.
     */
    record Settings(boolean isWorkerEnabled, int getBatchSize, double getRatePerSecond, int getMaxAttempts, Duration getBackoff,
                    Duration getLease, Duration getValidity, LocalTime getQuietStart, LocalTime getQuietEnd, int getDailyCap,
                    int getMaxSegments, int getAccountDailyBroadcasts, BigDecimal getPricePerSegment, String getCurrency)
            implements SmsSettings {
        static Settings copy(SmsSettings s) {
            return new Settings(s.isWorkerEnabled(), s.getBatchSize(), s.getRatePerSecond(), s.getMaxAttempts(), s.getBackoff(),
                    s.getLease(), s.getValidity(), s.getQuietStart(), s.getQuietEnd(), s.getDailyCap(), s.getMaxSegments(),
                    s.getAccountDailyBroadcasts(), s.getPricePerSegment(), s.getCurrency());
        }

        Settings withRetries(Duration lease, Duration backoff, int maxAttempts) {
            return new Settings(isWorkerEnabled, getBatchSize, getRatePerSecond, maxAttempts, backoff, lease, getValidity,
                    getQuietStart, getQuietEnd, getDailyCap, getMaxSegments, getAccountDailyBroadcasts, getPricePerSegment, getCurrency);
        }

        Settings withQuietHours(LocalTime start, LocalTime end) {
            return new Settings(isWorkerEnabled, getBatchSize, getRatePerSecond, getMaxAttempts, getBackoff, getLease, getValidity,
                    start, end, getDailyCap, getMaxSegments, getAccountDailyBroadcasts, getPricePerSegment, getCurrency);
        }

        Settings withDailyCap(int dailyCap) {
            return new Settings(isWorkerEnabled, getBatchSize, getRatePerSecond, getMaxAttempts, getBackoff, getLease, getValidity,
                    getQuietStart, getQuietEnd, dailyCap, getMaxSegments, getAccountDailyBroadcasts, getPricePerSegment, getCurrency);
        }
    }
}
