package harvest.system.cluster;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import harvest.system.web.RateLimiter;
import harvest.system.web.RateLimits;
import harvest.testing.DatabaseTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one database, as a county runs them behind a proxy: every timed job fires once
 * per period between them, the leaders' evening text goes out once per firing, not once per instance, and when one
 * instance stops the other carries on; a rate limit counts the requests both receive.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest extends DatabaseTest {
    private static final String LEADERS = "+8613800000001,+8613800000002";
    private static final String FIRINGS_OF_THE_SUMMARY =
            "SELECT count(DISTINCT date_trunc('second', created_at)) FROM sms_message WHERE kind = 'DAILY_SUMMARY'";
    private final List<ApplicationContext> instances = new ArrayList<>();

    /** A job that fires every second and notes which instance ran it. */
    @Singleton
    @Requires(property = "two-instances.instance")
    static class Probe implements ClusterJob {
        private final javax.sql.DataSource dataSource;
        private final io.micronaut.jdbc.DataSourceResolver resolver;
        private final String instance;

        Probe(javax.sql.DataSource dataSource, io.micronaut.jdbc.DataSourceResolver resolver,
              @Value("${two-instances.instance}") String instance) {
            this.dataSource = dataSource;
            this.resolver = resolver;
            this.instance = instance;
        }

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public Schedule schedule() {
            return Schedules.cron("* * * * * *");
        }

        @Override
        public void run() {
            try (Connection connection = resolver.resolve(dataSource).getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS probe_firing (instance text, started_at timestamptz)");
                statement.execute("INSERT INTO probe_firing (instance, started_at) VALUES ('" + instance + "', clock_timestamp())");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @BeforeAll
    void startTwoInstances() {
        for (String name : List.of("a", "b")) {
            Map<String, Object> properties = new HashMap<>(getProperties());
            properties.put("two-instances.instance", name);
            properties.put("harvest.sms.worker-enabled", "false");
            properties.put("harvest.dispatch.leader-phones", LEADERS);
            properties.put("harvest.dispatch.summary-cron", "*/2 * * * * *");
            properties.put("harvest.scheduler.poll", "200ms");
            instances.add(ApplicationContext.run(properties, "test"));
        }
    }

    @AfterAll
    void stopInstances() {
        instances.forEach(ApplicationContext::close);
    }

    @Test
    @Order(2)
    void eachFiringRunsOnOneInstanceAndEachLeaderGetsOneTextPerFiringAndTheOtherCarriesOnAlone() throws Exception {
        // the probe's table appears with its first firing
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                count("SELECT count(*) FROM probe_firing") >= 8 && count(FIRINGS_OF_THE_SUMMARY) >= 4);
        instances.removeFirst().close();
        Instant closed = Instant.now();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                count("SELECT count(*) FROM probe_firing WHERE started_at > '" + closed + "'") >= 3);

        assertThat(rows("SELECT task_name FROM scheduled_tasks", r -> r.getString(1))).as("one row per job, whatever the instances")
                .containsExactlyInAnyOrder("probe", "leaders-daily-summary", "drying-sites-intake", "draft-replans",
                        "sign-in-housekeeping", "rate-limit-housekeeping");
        List<Long> runsPerSecond = rows("SELECT count(*) FROM probe_firing GROUP BY date_trunc('second', started_at)", r -> r.getLong(1));
        assertThat(runsPerSecond).hasSizeGreaterThanOrEqualTo(8).containsOnly(1L);
        assertThat(rows("SELECT instance FROM probe_firing WHERE started_at > '" + closed + "'", r -> r.getString(1)))
                .as("firings after instance a stopped").hasSizeGreaterThanOrEqualTo(3).containsOnly("b");

        Map<Instant, List<String>> textsPerFiring = new TreeMap<>();
        for (String[] text : rows("SELECT date_trunc('second', created_at), phone FROM sms_message WHERE kind = 'DAILY_SUMMARY'",
                r -> new String[]{r.getTimestamp(1).toInstant().toString(), r.getString(2)})) {
            textsPerFiring.computeIfAbsent(Instant.parse(text[0]), k -> new ArrayList<>()).add(text[1]);
        }
        assertThat(textsPerFiring).hasSizeGreaterThanOrEqualTo(4);
        textsPerFiring.forEach((second, phones) ->
                assertThat(phones).as("texts of the firing at %s", second).containsExactlyInAnyOrder(LEADERS.split(",")));
    }

    @Test
    @Order(1)
    void aRateLimitCountsTheRequestsOfBothInstances() {
        RateLimiter onA = instances.get(0).getBean(RateLimits.class).limiter("shared", 3, Duration.ofMinutes(1));
        RateLimiter onB = instances.get(1).getBean(RateLimits.class).limiter("shared", 3, Duration.ofMinutes(1));

        assertThat(onA.take("203.0.113.7")).isEmpty();
        assertThat(onB.take("203.0.113.7")).isEmpty();
        assertThat(onA.take("203.0.113.7")).isEmpty();
        assertThat(onB.take("203.0.113.7")).as("the fourth request in the minute, whichever instance gets it").isPresent();
    }

    private long count(String query) throws SQLException {
        return rows(query, r -> r.getLong(1)).getFirst();
    }
}
