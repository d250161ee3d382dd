package harvest.system;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class ContractTest extends DatabaseTest {
    private static final String REGENERATE =
            "The API changed: review, then run 'cp target/classes/META-INF/swagger/harvest-api.yml openapi/harvest-api.yaml'";

    @Inject
    Api api;

    @Test
    void the_committed_contract_is_the_one_generated_from_the_code() throws IOException {
        assertThat(generated()).as(REGENERATE).isEqualTo(committed());
    }

    @Test
    void the_server_serves_the_committed_contract() throws IOException {
        Api.Reply served = api.get("/swagger/harvest-api.yml");

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.text()).isEqualTo(committed());
    }

    @Test
    void the_server_serves_a_docs_page_for_the_contract() {
        Api.Reply page = api.get("/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("swagger-ui").contains("harvest-api.yml");
    }

    private static String committed() throws IOException {
        return Files.readString(Api.CONTRACT);
    }

    private static String generated() throws IOException {
        try (InputStream in = ContractTest.class.getResourceAsStream("/META-INF/swagger/harvest-api.yml")) {
            assertThat(in).as("the build generates META-INF/swagger/harvest-api.yml").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
