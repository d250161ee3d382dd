package harvest.audit;

import harvest.system.Actor;
import harvest.testing.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log writes in its caller's transaction, as whoever the work is done for. */
@MicronautTest(transactional = false)
class AuditLogTest extends DatabaseTest {
    @Inject
    AuditLog audit;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void work_done_for_an_sms_sender_is_theirs() {
        Actor.as("operator M001 by SMS", () -> transactions.executeWrite(status -> {
            audit.record(AuditedEntity.ASSIGNMENT, "P000001#1", "status changed", Map.of("status", "PLANNED"), Map.of("status", "DONE"));
            return null;
        }));

        List<AuditEvent> events = audit.list(new AuditLog.Filter(AuditedEntity.ASSIGNMENT, "P000001#1", null, null, null), 0, 10);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.actor()).isEqualTo("operator M001 by SMS");
            assertThat(event.before()).containsEntry("status", "PLANNED");
            assertThat(event.after()).containsEntry("status", "DONE");
        });
    }

    @Test
    void work_outside_any_request_or_sender_is_the_system_s() {
        transactions.executeWrite(status -> {
            audit.recordAll(List.of(new AuditLog.Change(AuditedEntity.PLAN, "7", "published", null, Map.of("id", 7)),
                    new AuditLog.Change(AuditedEntity.PLAN, "6", "superseded", Map.of("id", 6), Map.of("id", 6))));
            return null;
        });

        assertThat(audit.list(new AuditLog.Filter(AuditedEntity.PLAN, null, "system", null, null), 0, 10))
                .extracting(AuditEvent::key).containsExactly("6", "7");
    }

    @Test
    void a_change_rolled_back_leaves_no_event() {
        transactions.executeWrite(status -> {
            audit.record(AuditedEntity.FIELD, "ROLLED-BACK", "updated", Map.of("areaMu", 1), Map.of("areaMu", 2));
            status.setRollbackOnly();
            return null;
        });

        assertThat(audit.count(new AuditLog.Filter(AuditedEntity.FIELD, "ROLLED-BACK", null, null, null))).isZero();
    }

    @Test
    void recording_needs_the_caller_s_transaction() {
        assertThatThrownBy(() -> audit.record(AuditedEntity.FIELD, "NO-TX", "updated", null, Map.of("areaMu", 2)))
                .hasMessageContaining("transaction");
    }
}
