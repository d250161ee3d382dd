package harvest.farmer;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Files;
import harvest.testing.Ledgers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class SmsOptOutTest extends DatabaseTest {
    @Inject
    Api api;

    private String farmer;

    @BeforeAll
    void aFarmer() {
        Ledgers.createBaseRows(api);
        farmer = api.get("/api/v1/farmers/code/" + Ledgers.BASE_FARMER).json().get("id").asText();
    }

    @Test
    void a_household_that_opted_out_stays_opted_out_when_the_ledger_is_imported_again() {
        Api.Reply optedOut = api.put("/api/v1/farmers/" + farmer + "/sms-opt-out", Map.of("optedOut", true), "If-Match", version());

        assertThat(optedOut.status()).as(optedOut.toString()).isEqualTo(200);
        assertThat(optedOut.json().get("smsOptedOut").asBoolean()).isTrue();
        assertThat(optedOut.json().get("smsOptedOutAt").asText()).isNotBlank();

        byte[] ledger = api.get("/api/v1/ledgers/farmers/export").bytes();
        api.upload("/api/v1/ledgers/farmers/import", Files.CSV, ledger);
        assertThat(api.get("/api/v1/farmers/" + farmer).json().get("smsOptedOut").asBoolean()).isTrue();

        Api.Reply optedIn = api.put("/api/v1/farmers/" + farmer + "/sms-opt-out", Map.of("optedOut", false), "If-Match", version());
        assertThat(optedIn.json().get("smsOptedOut").asBoolean()).isFalse();
        assertThat(optedIn.json().has("smsOptedOutAt")).isFalse();
    }

    @Test
    void changing_the_opt_out_needs_the_current_version() {
        assertThat(api.put("/api/v1/farmers/" + farmer + "/sms-opt-out", Map.of("optedOut", true)).status()).isEqualTo(428);
        assertThat(api.put("/api/v1/farmers/" + farmer + "/sms-opt-out", Map.of("optedOut", true, "version", 99)).status()).isEqualTo(409);
    }

    private String version() {
        return api.get("/api/v1/farmers/" + farmer).etag();
    }
}
