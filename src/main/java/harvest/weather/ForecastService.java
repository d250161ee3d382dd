package harvest.weather;

import harvest.ledger.ActiveCodes;
import harvest.ledger.LedgerKind;
import harvest.system.problem.Problem;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Receives forecast issues, pushed or pulled alike: validates the whole issue, stores it in one transaction,
 * and compares the windows before and after it over the hours it covers.
 */
@Singleton
public class ForecastService {
    private final ForecastValidation validation;
    private final ForecastStore store;
    private final Windows windows;
    private final WindowChangeStore changes;
    private final ActiveCodes activeCodes;
    private final TransactionOperations<Connection> transactions;
    private final ApplicationEventPublisher<WindowsChanged> publisher;

    public ForecastService(ForecastValidation validation, ForecastStore store, Windows windows, WindowChangeStore changes,
                           ActiveCodes activeCodes, TransactionOperations<Connection> transactions,
                           ApplicationEventPublisher<WindowsChanged> publisher) {
        this.validation = validation;
        this.store = store;
        this.windows = windows;
        this.changes = changes;
        this.activeCodes = activeCodes;
        this.transactions = transactions;
        this.publisher = publisher;
    }

    public ForecastReceipt receive(ForecastUpload upload, ForecastSummary.Channel channel) {
        List<Problem.Violation> bad = validation.check(upload, activeCodes.of(LedgerKind.COMMUNITIES));
        if (!bad.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, bad.size() + " bad entries in the forecast; nothing was stored", bad);
        }
        Instant issuedAt = OffsetDateTime.parse(upload.issuedAt()).toInstant();
        List<ForecastHour> hours = hoursOf(upload);
        List<String> communities = upload.series().stream().map(ForecastUpload.Series::communityCode).toList();
        Instant from = hours.stream().map(ForecastHour::hour).min(Comparator.naturalOrder()).orElseThrow();
        // Rain in the last hours dries out after them, so the comparison reaches that far.
        Instant to = hours.stream().map(ForecastHour::hour).max(Comparator.naturalOrder()).orElseThrow()
                .plus(Duration.ofHours(1L + windows.rules().getDryOutMaxHours()));

        Stored stored = transactions.executeWrite(status -> {
            store.lockForecasts();
            if (store.exists(upload.source(), issuedAt)) {
                throw new ProblemException(ProblemType.ALREADY_STORED,
                        "A forecast from '" + upload.source() + "' issued at " + upload.issuedAt() + " is stored already");
            }
            Map<String, List<Segment>> before = windows.timelines(communities, from, to);
            long id = store.insertForecast(upload.source(), issuedAt, channel);
            store.insertHours(id, hours);
            List<WindowChanges.CommunityChange> changed = WindowChanges.between(before, windows.timelines(communities, from, to));
            WindowChangeEvent event = changed.isEmpty() ? null : changes.insert(id, from, to, changed);
            if (event != null) {
                publisher.publishEvent(new WindowsChanged(event.id(), id, from, to, event.communityCodes()));
            }
            return new Stored(id, event);
        });
        return new ForecastReceipt(store.summary(stored.forecastId()).orElseThrow(),
                stored.event() == null ? null : stored.event().id(),
                stored.event() == null ? List.of() : stored.event().communityCodes());
    }

    private record Stored(long forecastId, WindowChangeEvent event) {
    }

    private static List<ForecastHour> hoursOf(ForecastUpload upload) {
        List<ForecastHour> hours = new ArrayList<>();
        for (ForecastUpload.Series series : upload.series()) {
            for (ForecastUpload.Hour hour : series.hourly()) {
                hours.add(new ForecastHour(series.communityCode(), OffsetDateTime.parse(hour.time()).toInstant(),
                        hour.precipitationMm(), hour.probabilityPct(), hour.temperatureC(), hour.humidityPct(),
                        hour.windSpeedMs(), 0));
            }
        }
        return hours;
    }
}
