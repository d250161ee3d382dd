package harvest.machine;

import harvest.audit.AuditLog;
import harvest.audit.AuditedEntity;
import harvest.system.JdbcValues;
import harvest.system.Sql;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Combines reported broken (by the dispatcher or by their operator's text) stay out of planning until repaired. */
@Singleton
@Connectable
public class MachineBreakdowns {
    private final Sql sql;
    private final MachineLedger machines;
    private final ApplicationEventPublisher<MachineBrokeDown> events;
    private final AuditLog audit;
    private final Clock clock;

    public MachineBreakdowns(Sql sql, MachineLedger machines, ApplicationEventPublisher<MachineBrokeDown> events,
                             AuditLog audit, Clock clock) {
        this.clock = clock;
        this.sql = sql;
        this.machines = machines;
        this.events = events;
        this.audit = audit;
    }

    /** Opens a breakdown unless one is open already: a second report of the same breakdown changes nothing. */
    @Transactional
    public Breakdown report(String machineCode) {
        machines.getByCode(machineCode);
        int opened = sql.of("""
                INSERT INTO machine_breakdown (machine_code, reported_at) VALUES (:machine, :at)
                ON CONFLICT (machine_code) WHERE repaired_at IS NULL DO NOTHING""")
                .set("machine", machineCode).set("at", clock.instant()).update();
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
        int closed = sql.of("UPDATE machine_breakdown SET repaired_at = :at WHERE machine_code = :machine AND repaired_at IS NULL")
                .set("at", clock.instant()).set("machine", machineCode).update();
        Optional<Breakdown> after = latest(machineCode);
        if (closed == 1) {
            audit.record(AuditedEntity.MACHINE, machineCode, "repaired", before.orElseThrow(), after.orElseThrow());
        }
        return after;
    }

    /** The breakdowns not yet repaired, oldest first. */
    public List<Breakdown> open() {
        return sql.of("SELECT machine_code, reported_at, repaired_at FROM machine_breakdown WHERE repaired_at IS NULL ORDER BY reported_at, id")
                .list(MachineBreakdowns::read);
    }

    /** Combines out of service now, whenever their breakdown was reported. */
    public Set<String> broken() {
        return brokenAt(null);
    }

    /** Combines whose breakdown was open at {@code at} (the daily report asks about past days); now if null. */
    public Set<String> brokenAt(@Nullable Instant at) {
        return new HashSet<>(sql.of("""
                SELECT machine_code FROM machine_breakdown
                WHERE (:at::timestamptz IS NULL AND repaired_at IS NULL)
                   OR (reported_at <= :at AND (repaired_at IS NULL OR repaired_at > :at))""").set("at", at).strings());
    }

    private Optional<Breakdown> latest(String machineCode) {
        return sql.of("SELECT machine_code, reported_at, repaired_at FROM machine_breakdown WHERE machine_code = :machine"
                + " ORDER BY id DESC LIMIT 1").set("machine", machineCode).first(MachineBreakdowns::read);
    }

    private static Breakdown read(ResultSet rows) throws SQLException {
        return new Breakdown(rows.getString("machine_code"), JdbcValues.instant(rows, "reported_at"),
                JdbcValues.instant(rows, "repaired_at"));
    }
}
