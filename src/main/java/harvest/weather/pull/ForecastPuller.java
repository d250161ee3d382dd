package harvest.weather.pull;

import harvest.community.Community;
import harvest.community.CommunityLedger;
import harvest.weather.ForecastReceipt;
import harvest.weather.ForecastService;
import harvest.weather.ForecastSummary;
import harvest.weather.ForecastUpload;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pulls a forecast for every active community, batch by batch, and stores it as one issue. A batch that keeps
 * failing after its retries fails the pull: nothing is stored and the last good forecast stays in force.
 */
@Singleton
public class ForecastPuller {
    private static final Logger LOG = LoggerFactory.getLogger(ForecastPuller.class);
    static final String SOURCE = "open-meteo";

    private final OpenMeteoClient client;
    private final CommunityLedger communities;
    private final ForecastService forecasts;
    private final PullSettings settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final AtomicReference<PullOutcome> last = new AtomicReference<>();

    public ForecastPuller(OpenMeteoClient client, CommunityLedger communities, ForecastService forecasts,
                          PullSettings settings, MeterRegistry meters, Clock clock) {
        this.client = client;
        this.clock = clock;
        this.communities = communities;
        this.forecasts = forecasts;
        this.settings = settings;
        this.meters = meters;
        meters.gauge("harvest.weather.pull.last.success.age.seconds", last,
                ref -> ref.get() == null || ref.get().lastSuccess() == null
                        ? Double.NaN : ChronoUnit.SECONDS.between(ref.get().lastSuccess(), clock.instant()));
    }

    /** The outcome of the latest pull, or null before the first. */
    @Nullable
    public PullOutcome lastOutcome() {
        return last.get();
    }

    public PullOutcome pull() {
        Instant started = clock.instant();
        Instant lastSuccess = last.get() == null ? null : last.get().lastSuccess();
        PullOutcome outcome;
        try {
            List<Community> active = communities.all(false);
            List<ForecastUpload.Series> series = new ArrayList<>();
            for (int from = 0; from < active.size(); from += settings.getBatchSize()) {
                series.addAll(fetchWithRetries(active.subList(from, Math.min(active.size(), from + settings.getBatchSize()))));
            }
            String issuedAt = started.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC).toString();
            ForecastReceipt receipt = forecasts.receive(new ForecastUpload(SOURCE, issuedAt, series), ForecastSummary.Channel.PULL);
            outcome = PullOutcome.success(started, receipt.forecast().id());
            LOG.info("Pulled forecast {} for {} communities", receipt.forecast().id(), series.size());
        } catch (RuntimeException e) {
            outcome = PullOutcome.failure(started, lastSuccess, e.getMessage());
            LOG.warn("Forecast pull failed; the last good forecast stays in force: {}", e.getMessage());
        }
        last.set(outcome);
        meters.counter("harvest.weather.pulls", "outcome", outcome.succeeded() ? "success" : "failure").increment();
        return outcome;
    }

    private List<ForecastUpload.Series> fetchWithRetries(List<Community> batch) {
        long delay = settings.getBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return client.fetch(batch, settings.getForecastDays());
            } catch (OpenMeteoClient.PullFailure failure) {
                if (!failure.retryable() || attempt >= settings.getAttempts()) {
                    throw failure;
                }
                LOG.info("Forecast request failed (attempt {} of {}), retrying: {}", attempt, settings.getAttempts(), failure.getMessage());
                sleep(delay + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
                delay *= 2;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
