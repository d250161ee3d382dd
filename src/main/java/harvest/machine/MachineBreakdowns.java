package harvest.machine;

import harvest.audit.AuditLog;
import harvest.audit.AuditedEntity;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Combines reported broken (by the dispatcher or by their operator's text) stay out of planning until repaired. */
@Singleton
@Connectable
public class MachineBreakdowns {
    private final JdbcOperations jdbc;
    private final MachineLedger machines;
    private final ApplicationEventPublisher<MachineBrokeDown> events;
    private final AuditLog audit;
    private final Clock clock;

    public MachineBreakdowns(JdbcOperations jdbc, MachineLedger machines, ApplicationEventPublisher<MachineBrokeDown> events,
                             AuditLog audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.machines = machines;
        this.events = events;
        this.audit = audit;
    }

    /** Opens a breakdown unless one is open already: a second report of the same breakdown changes nothing. */
    @Transactional
    public Breakdown report(String machineCode) {
        machines.getByCode(machineCode);
        int opened = jdbc.prepareStatement("""
                INSERT INTO machine_breakdown (machine_code, reported_at) VALUES (?, ?)
                ON CONFLICT (machine_code) WHERE repaired_at IS NULL DO NOTHING""", statement -> {
            statement.setString(1, machineCode);
            statement.setTimestamp(2, Timestamp.from(clock.instant()));
            return statement.executeUpdate();
        });
        Breakdown breakdown = latest(machineCode).orElseThrow();
        if (opened == 1) {
            audit.record(AuditedEntity.MACHINE, machineCode, "breakdown reported", null, breakdown);
            events.publishEvent(new MachineBrokeDown(machineCode));
        }
        return breakdown;
    }

    /** Closes the open breakdown, if any. */
    @Transactional
    public Optional<Breakdown> repaired(String machineCode) {
        machines.getByCode(machineCode);
        Optional<Breakdown> before = latest(machineCode);
        int closed = jdbc.prepareStatement("UPDATE machine_breakdown SET repaired_at = ? WHERE machine_code = ? AND repaired_at IS NULL", statement -> {
            statement.setTimestamp(1, Timestamp.from(clock.instant()));
            statement.setString(2, machineCode);
            return statement.executeUpdate();
        });
        Optional<Breakdown> after = latest(machineCode);
        if (closed == 1) {
            audit.record(AuditedEntity.MACHINE, machineCode, "repaired", before.orElseThrow(), after.orElseThrow());
        }
        return after;
    }

    /** Combines out of service now, whenever their breakdown was reported. */
    public Set<String> broken() {
        return brokenAt(null);
    }

    /** Combines whose breakdown was open at {@code at} (the daily report asks about past days); now if null. */
    public Set<String> brokenAt(@Nullable Instant at) {
        return jdbc.prepareStatement("""
                SELECT machine_code FROM machine_breakdown
                WHERE (?::timestamptz IS NULL AND repaired_at IS NULL)
                   OR (reported_at <= ? AND (repaired_at IS NULL OR repaired_at > ?))""", statement -> {
            Timestamp moment = at == null ? null : Timestamp.from(at);
            for (int i = 1; i <= 3; i++) {
                statement.setTimestamp(i, moment);
            }
            Set<String> codes = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    codes.add(rows.getString(1));
                }
            }
            return codes;
        });
    }

    private Optional<Breakdown> latest(String machineCode) {
        return jdbc.prepareStatement("SELECT machine_code, reported_at, repaired_at FROM machine_breakdown WHERE machine_code = ?"
                + " ORDER BY id DESC LIMIT 1", statement -> {
            statement.setString(1, machineCode);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.<Breakdown>empty();
                }
                Timestamp repaired = rows.getTimestamp(3);
                return Optional.of(new Breakdown(rows.getString(1), rows.getTimestamp(2).toInstant(),
                        repaired == null ? null : repaired.toInstant()));
            }
        });
    }
}
