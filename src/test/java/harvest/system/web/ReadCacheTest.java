package harvest.system.web;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Ledger lists and the daily report answer polling with 304 while the data stands, and afresh once it changes. */
@MicronautTest(transactional = false)
class ReadCacheTest extends DatabaseTest {
    @Inject
    Api api;

    private Map<String, Object> community(String code, String name) {
        return Map.of("code", code, "name", name, "street", "城关镇", "lat", 34.1, "lon", 113.8);
    }

    @Test
    void a_list_is_304_while_nothing_changes_and_shows_a_change_at_once() {
        assertThat(api.post("/api/v1/communities", community("RC-01", "东村")).status()).isEqualTo(201);
        Api.Reply first = api.get("/api/v1/communities");
        String etag = first.etag();
        assertThat(first.header("Cache-Control")).isEqualTo("private, no-cache");

        assertThat(api.get("/api/v1/communities", "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(api.get("/api/v1/communities", "If-None-Match", "\"v0\", " + etag).status()).isEqualTo(304);
        assertThat(api.get("/api/v1/communities?size=1", "If-None-Match", etag).status()).as("another query of the same data version")
                .isEqualTo(304);

        assertThat(api.post("/api/v1/communities", community("RC-02", "西村")).status()).isEqualTo(201);

        Api.Reply changed = api.get("/api/v1/communities", "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text()).contains("RC-02");
        assertThat(changed.etag()).isNotEqualTo(etag);
    }

    @Test
    void a_change_rolled_back_or_outside_what_reads_show_keeps_the_version() throws SQLException {
        String etag = api.get("/api/v1/communities").etag();

        assertThat(api.post("/api/v1/communities", Map.of("code", "RC-03")).status()).as("refused: no partial write").isIn(400, 422);
        sql("UPDATE plan SET heartbeat_at = now()");

        assertThat(api.get("/api/v1/communities", "If-None-Match", etag).status()).isEqualTo(304);
    }

    @Test
    void one_transaction_moves_the_version_once_however_many_rows_it_writes() throws SQLException {
        long before = version();
        sql("INSERT INTO community (code, name, street, lat, lon) SELECT 'BULK-' || i, 'bulk ' || i, '城关镇', 34, 113 FROM generate_series(1, 500) i");

        assertThat(version()).isEqualTo(before + 1);
    }

    private long version() throws SQLException {
        return Long.parseLong(api.get("/api/v1/communities").etag().replaceAll("\\D", ""));
    }
}
