package harvest.system;

import harvest.testing.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest
class SqlTest extends DatabaseTest {
    enum Colour { RED }

    record Probe(long id, String name, Instant at) {
    }

    @Inject
    Sql sql;

    @Test
    void aNameUsedTwiceIsOnePositionPerUseAndCastsLiteralsAndCommentsStayAsTheyAre() {
        Sql.Parsed parsed = Sql.Parsed.parse("""
                SELECT ':not' -- :neither
                WHERE (:street::text IS NULL OR street = :street) AND "odd:col" = :id""");

        assertThat(parsed.jdbcSql()).isEqualTo("""
                SELECT ':not' -- :neither
                WHERE (?::text IS NULL OR street = ?) AND "odd:col" = ?""");
        assertThat(parsed.positions()).containsExactly("street", "street", "id");
    }

    @Test
    void bindsNullsInstantsEnumsArraysAndBatches() throws Exception {
        sql("CREATE TABLE sql_probe (id bigint PRIMARY KEY, name text, at timestamptz)");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);

        sql.of("INSERT INTO sql_probe (id, name, at) VALUES (:id, :name, :at)").set("at", at)
                .batch(List.of(1L, 2L, 3L), (statement, id) -> statement.set("id", id).set("name", id == 2 ? null : Colour.RED));

        assertThat(sql.of("SELECT id, name, at FROM sql_probe WHERE id = ANY (:ids) AND (:name::text IS NULL OR name = :name) ORDER BY id")
                .setArray("ids", "bigint", List.of(1L, 2L)).set("name", null)
                .list(rows -> new Probe(rows.getLong("id"), rows.getString("name"), JdbcValues.instant(rows, "at"))))
                .containsExactly(new Probe(1, "RED", at), new Probe(2, null, at));
        assertThat(sql.of("SELECT count(*) FROM sql_probe WHERE name = :name").set("name", Colour.RED).number()).isEqualTo(2);
        assertThat(sql.of("SELECT name FROM sql_probe WHERE id = :id").set("id", 9L).first(rows -> rows.getString(1))).isEmpty();
    }

    @Test
    void aParameterLeftUnsetOrUnknownFailsBeforeAnythingRuns() {
        assertThatThrownBy(() -> sql.of("SELECT :a, :b").set("a", 1).number())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(":b");
        assertThatThrownBy(() -> sql.of("SELECT :a").set("typo", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":typo");
    }
}
