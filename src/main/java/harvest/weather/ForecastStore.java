package harvest.weather;

import harvest.system.DistrictTime;
import harvest.system.TransactionLocks;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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

    private final JdbcOperations jdbc;

    public ForecastStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises storing forecast issues until the caller's transaction ends, so that each issue's windows are
     * compared with everything stored before it and its change event is true.
     */
    public void lockForecasts() {
        TransactionLocks.hold(jdbc, "harvest.forecast");
    }

    public boolean exists(String source, Instant issuedAt) {
        return jdbc.prepareStatement("SELECT 1 FROM forecast WHERE source = ? AND issued_at = ?", statement -> {
            statement.setString(1, source);
            statement.setTimestamp(2, Timestamp.from(issuedAt));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    public long insertForecast(String source, Instant issuedAt, ForecastSummary.Channel channel) {
        return jdbc.prepareStatement("INSERT INTO forecast (source, issued_at, channel) VALUES (?, ?, ?) RETURNING id", statement -> {
            statement.setString(1, source);
            statement.setTimestamp(2, Timestamp.from(issuedAt));
            statement.setString(3, channel.name());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    public void insertHours(long forecastId, List<ForecastHour> hours) {
        jdbc.prepareStatement("""
                INSERT INTO forecast_hour (forecast_id, community_code, hour, precipitation_mm, probability_pct,
                                           temperature_c, humidity_pct, wind_speed_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", statement -> {
            for (ForecastHour hour : hours) {
                statement.setLong(1, forecastId);
                statement.setString(2, hour.communityCode());
                statement.setTimestamp(3, Timestamp.from(hour.hour()));
                statement.setDouble(4, hour.precipitationMm());
                statement.setInt(5, hour.probabilityPct());
                setNullable(statement, 6, hour.temperatureC(), Types.DOUBLE);
                setNullable(statement, 7, hour.humidityPct(), Types.INTEGER);
                setNullable(statement, 8, hour.windSpeedMs(), Types.DOUBLE);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /** For each community and hour of {@code [from, to)}, the value of the latest issue that forecast it. */
    public List<ForecastHour> latest(Collection<String> communities, Instant from, Instant to) {
        return jdbc.prepareStatement("""
                SELECT DISTINCT ON (h.community_code, h.hour) h.community_code, h.hour, h.precipitation_mm,
                       h.probability_pct, h.temperature_c, h.humidity_pct, h.wind_speed_ms, h.forecast_id
                FROM forecast_hour h JOIN forecast f ON f.id = h.forecast_id
                WHERE h.hour >= ? AND h.hour < ? AND h.community_code = ANY (?)
                ORDER BY h.community_code, h.hour, f.issued_at DESC, f.id DESC""", statement -> {
            statement.setTimestamp(1, Timestamp.from(from));
            statement.setTimestamp(2, Timestamp.from(to));
            Array codes = statement.getConnection().createArrayOf("text", communities.toArray());
            statement.setArray(3, codes);
            List<ForecastHour> hours = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    hours.add(new ForecastHour(rows.getString(1), rows.getTimestamp(2).toInstant(), rows.getDouble(3),
                            rows.getInt(4), nullableDouble(rows, 5), rows.getObject(6, Integer.class),
                            nullableDouble(rows, 7), rows.getLong(8)));
                }
            }
            return hours;
        });
    }

    public Optional<ForecastSummary> summary(long id) {
        return jdbc.prepareStatement(SUMMARY + " WHERE f.id = ? GROUP BY f.id", statement -> {
            statement.setLong(1, id);
            List<ForecastSummary> found = summaries(statement);
            return found.stream().findFirst();
        });
    }

    /** Newest issue first. */
    public List<ForecastSummary> summaries(int page, int size) {
        return jdbc.prepareStatement(SUMMARY + " GROUP BY f.id ORDER BY f.issued_at DESC, f.id DESC LIMIT ? OFFSET ?", statement -> {
            statement.setInt(1, size);
            statement.setLong(2, (long) page * size);
            return summaries(statement);
        });
    }

    public long count() {
        return jdbc.prepareStatement("SELECT count(*) FROM forecast", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static List<ForecastSummary> summaries(PreparedStatement statement) throws SQLException {
        List<ForecastSummary> summaries = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                summaries.add(new ForecastSummary(rows.getLong("id"), rows.getString("source"),
                        local(rows.getTimestamp("issued_at")), local(rows.getTimestamp("received_at")),
                        ForecastSummary.Channel.valueOf(rows.getString("channel")), rows.getInt("communities"),
                        rows.getInt("hours"), local(rows.getTimestamp("first_hour")), local(rows.getTimestamp("last_hour"))));
            }
        }
        return summaries;
    }

    @Nullable
    private static Double nullableDouble(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    @Nullable
    private static OffsetDateTime local(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : DistrictTime.local(timestamp.toInstant());
    }

    private static void setNullable(PreparedStatement statement, int index, @Nullable Object value, int type) throws SQLException {
        if (value == null) {
            statement.setNull(index, type);
        } else {
            statement.setObject(index, value, type);
        }
    }
}
