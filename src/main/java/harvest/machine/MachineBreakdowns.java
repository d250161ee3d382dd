package harvest.machine;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
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

    public MachineBreakdowns(JdbcOperations jdbc, MachineLedger machines, ApplicationEventPublisher<MachineBrokeDown> events) {
        this.jdbc = jdbc;
        this.machines = machines;
        this.events = events;
    }

    /** Opens a breakdown unless one is open already; either way the combine's pending work is flagged for re-planning. */
    @Transactional
    public Breakdown report(String machineCode) {
        machines.getByCode(machineCode);
        jdbc.prepareStatement("""
                INSERT INTO machine_breakdown (machine_code) SELECT ?
                WHERE NOT EXISTS (SELECT 1 FROM machine_breakdown WHERE machine_code = ? AND repaired_at IS NULL)""", statement -> {
            statement.setString(1, machineCode);
            statement.setString(2, machineCode);
            return statement.executeUpdate();
        });
        events.publishEvent(new MachineBrokeDown(machineCode));
        return latest(machineCode).orElseThrow();
    }

    /** Closes the open breakdown, if any. */
    public Optional<Breakdown> repaired(String machineCode) {
        machines.getByCode(machineCode);
        jdbc.prepareStatement("UPDATE machine_breakdown SET repaired_at = now() WHERE machine_code = ? AND repaired_at IS NULL", statement -> {
            statement.setString(1, machineCode);
            return statement.executeUpdate();
        });
        return latest(machineCode);
    }

    public Set<String> broken() {
        return jdbc.prepareStatement("SELECT machine_code FROM machine_breakdown WHERE repaired_at IS NULL", statement -> {
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
