package harvest.security;

import harvest.security.staff.StaffAccounts;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the first admin comes from: without HARVEST_ADMIN_* the service starts with no account at all (there is no
 * built-in one); with variables it would refuse, it does not start.
 */
@MicronautTest(transactional = false)
class FirstAdminTest extends DatabaseTest {
    @Inject
    Api api;
    @Inject
    StaffAccounts accounts;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.security.admin.username", "", "harvest.security.admin.password", "",
                "harvest.sms.worker-enabled", "false");
    }

    @Test
    void without_the_variables_the_service_starts_with_no_account() {
        assertThat(accounts.any()).isFalse();
        assertThat(accounts.list()).isEmpty();
        assertThat(api.anonymous().post("/api/v1/auth/sign-in",
                Map.of("username", "test-admin", "password", "test admin passphrase")).status()).isEqualTo(401);
        assertThat(api.anonymous().post("/api/v1/auth/sign-in",
                Map.of("username", "admin", "password", "admin")).status()).as("no default account").isEqualTo(401);
        assertThat(api.anonymous().get("/health").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({
            "county-admin, short pass",
            "county-admin, county-admin's passphrase",
            "county-admin, aaaaaaaaaaaaaaaa",
            "Not A Username, a perfectly good passphrase"})
    void variables_that_would_be_refused_stop_the_start(String username, String password) {
        // This class's schema is migrated and holds no account, so the first admin is due there.
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("harvest.security.admin.username", username);
        properties.put("harvest.security.admin.password", password);

        // Built then started, rather than run(), so the half-started context can be closed and leaves no pool behind.
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).environments("test").build()) {
            assertThatThrownBy(context::start)
                    .hasStackTraceContaining("HARVEST_ADMIN_USERNAME/HARVEST_ADMIN_PASSWORD were refused");
        }
        assertThat(accounts.any()).isFalse();
    }
}
