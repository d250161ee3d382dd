package harvest.weather;

import harvest.system.DistrictTime;
import harvest.system.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Forecast issues and their hours, in plain SQL: bulk rows keyed by (issue, community, hour) suit JDBC batches best. */
@Singleton
@Connectable
public class ForecastStore {
    private static final String SUMMARY = """
            SELECT f.id, f.source, f.issued_at, f.received_at, f.channel,
                   count(DISTINCT h.community_code) AS communities, count(h.hour) AS hours, min(h.hour) AS first_hour,
                   max(h.hour) AS last_hour
            FROM forecast f LEFT JOIN forecast_hour h ON h.forecast_id = f.id
            """;

    private final Sql sql;

    public ForecastStore(Sql sql) {
        this.sql = sql;
    }

    /**
     * Serialises storing forecast issues until the caller's transaction ends, so that each issue's windows are
     * compared with everything stored before it and its change event is true.
     */
    public void lockForecasts() {
        sql.lockUntilCommit("harvest.forecast");
    }

    public boolean exists(String source, Instant issuedAt) {
        return sql.of("SELECT 1 FROM forecast WHERE source = :source AND issued_at = :issuedAt")
                .set("source", source).set("issuedAt", issuedAt).first(rows -> true).isPresent();
    }

    public long insertForecast(String source, Instant issuedAt, ForecastSummary.Channel channel) {
        return sql.of("INSERT INTO forecast (source, issued_at, channel) VALUES (:source, :issuedAt, :channel) RETURNING id")
                .set("source", source).set("issuedAt", issuedAt).set("channel", channel).number();
    }

    public void insertHours(long forecastId, List<ForecastHour> hours) {
        sql.of("""
                INSERT INTO forecast_hour (forecast_id, community_code, hour, precipitation_mm, probability_pct,
                                           temperature_c, humidity_pct, wind_speed_ms)
                VALUES (:forecast, :community, :hour, :precipitation, :probability, :temperature, :humidity, :wind)""")
                .set("forecast", forecastId)
                .batch(hours, (statement, hour) -> statement.set("community", hour.communityCode()).set("hour", hour.hour())
                        .set("precipitation", hour.precipitationMm()).set("probability", hour.probabilityPct())
                        .set("temperature", hour.temperatureC()).set("humidity", hour.humidityPct()).set("wind", hour.windSpeedMs()));
    }

    /** For each community and hour of {@code [from, to)}, the value of the latest issue that forecast it. */
    public List<ForecastHour> latest(Collection<String> communities, Instant from, Instant to) {
        return sql.of("""
                SELECT DISTINCT ON (h.community_code, h.hour) h.community_code, h.hour, h.precipitation_mm,
                       h.probability_pct, h.temperature_c, h.humidity_pct, h.wind_speed_ms, h.forecast_id
                FROM forecast_hour h JOIN forecast f ON f.id = h.forecast_id
                WHERE h.hour >= :from AND h.hour < :to AND h.community_code = ANY (:communities)
                ORDER BY h.community_code, h.hour, f.issued_at DESC, f.id DESC""")
                .set("from", from).set("to", to).setArray("communities", "text", communities)
                .list(ForecastStore::hour);
    }

    public Optional<ForecastSummary> summary(long id) {
        return sql.of(SUMMARY + " WHERE f.id = :id GROUP BY f.id").set("id", id).first(ForecastStore::summary);
    }

    /** Newest issue first. */
    public List<ForecastSummary> summaries(int page, int size) {
        return sql.of(SUMMARY + " GROUP BY f.id ORDER BY f.issued_at DESC, f.id DESC LIMIT :size OFFSET :offset")
                .set("size", size).set("offset", (long) page * size).list(ForecastStore::summary);
    }

    public long count() {
        return sql.of("SELECT count(*) FROM forecast").number();
    }

    private static ForecastHour hour(ResultSet rows) throws SQLException {
        return new ForecastHour(rows.getString("community_code"), rows.getTimestamp("hour").toInstant(),
                rows.getDouble("precipitation_mm"), rows.getInt("probability_pct"), nullableDouble(rows, "temperature_c"),
                rows.getObject("humidity_pct", Integer.class), nullableDouble(rows, "wind_speed_ms"), rows.getLong("forecast_id"));
    }

    private static ForecastSummary summary(ResultSet rows) throws SQLException {
        return new ForecastSummary(rows.getLong("id"), rows.getString("source"),
                local(rows.getTimestamp("issued_at")), local(rows.getTimestamp("received_at")),
                ForecastSummary.Channel.valueOf(rows.getString("channel")), rows.getInt("communities"),
                rows.getInt("hours"), local(rows.getTimestamp("first_hour")), local(rows.getTimestamp("last_hour")));
    }

    @Nullable
    private static Double nullableDouble(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    @Nullable
    private static OffsetDateTime local(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : DistrictTime.local(timestamp.toInstant());
    }
}
