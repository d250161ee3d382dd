package harvest.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Ledgers;
import harvest.testing.Ledgers.Resource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.concurrent.atomic.AtomicInteger;

import static harvest.testing.Ledgers.with;
import static org.assertj.core.api.Assertions.assertThat;

/** What every ledger resource does alike: create, read, update under optimistic locking, retire, list. */
@MicronautTest
class LedgerLifecycleTest extends DatabaseTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject
    Api api;

    @BeforeAll
    void baseRows() {
        Ledgers.createBaseRows(api);
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void a_created_entry_can_be_read_by_id_and_by_code(Resource resource) {
        String code = newCode();
        Api.Reply created = api.post(resource.path(), resource.body(code));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.etag()).isEqualTo("\"0\"");
        String location = created.header("Location");
        assertThat(location).isEqualTo(resource.path() + "/" + created.json().get("id").asLong());

        Api.Reply byId = api.get(location);
        Api.Reply byCode = api.get(resource.path() + "/code/" + code);
        assertThat(byId.json()).isEqualTo(created.json());
        assertThat(byCode.json()).isEqualTo(created.json());
        assertThat(byId.etag()).isEqualTo("\"0\"");
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void an_update_with_the_current_etag_succeeds_and_bumps_the_version(Resource resource) {
        String code = newCode();
        String location = api.post(resource.path(), resource.body(code)).header("Location");

        Api.Reply updated = api.put(location, with(resource.body(code), resource.textProperty(), "新名称"), "If-Match", "\"0\"");

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get(resource.textProperty()).asText()).isEqualTo("新名称");
        assertThat(updated.etag()).isEqualTo("\"1\"");
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void a_stale_etag_is_refused_with_412_and_a_stale_version_with_409(Resource resource) {
        String code = newCode();
        String location = api.post(resource.path(), resource.body(code)).header("Location");
        api.put(location, with(resource.body(code), resource.textProperty(), "第一次"), "If-Match", "\"0\"");

        Api.Reply staleEtag = api.put(location, with(resource.body(code), resource.textProperty(), "第二次"), "If-Match", "\"0\"");
        Api.Reply staleVersion = api.put(location, with(with(resource.body(code), resource.textProperty(), "第二次"), "version", 0));

        assertThat(staleEtag.status()).isEqualTo(412);
        assertThat(staleVersion.status()).isEqualTo(409);
        assertThat(staleVersion.json().get("type").asText()).endsWith("/version-conflict");
        assertThat(api.get(location).json().get(resource.textProperty()).asText()).isEqualTo("第一次");
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void an_update_without_etag_or_version_is_refused_with_428(Resource resource) {
        String code = newCode();
        String location = api.post(resource.path(), resource.body(code)).header("Location");

        Api.Reply reply = api.put(location, with(resource.body(code), resource.textProperty(), "新名称"));

        assertThat(reply.status()).isEqualTo(428);
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void repeating_an_identical_update_keeps_the_version(Resource resource) {
        String code = newCode();
        String location = api.post(resource.path(), resource.body(code)).header("Location");

        Api.Reply same = api.put(location, with(resource.body(code), "version", 0));

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.etag()).isEqualTo("\"0\"");
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void the_code_is_the_ledger_key_and_cannot_change(Resource resource) {
        String code = newCode();
        String location = api.post(resource.path(), resource.body(code)).header("Location");

        Api.Reply reply = api.put(location, resource.body(newCode()), "If-Match", "\"0\"");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorFields()).containsExactly("code");
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void a_second_entry_with_the_same_code_is_refused_with_409(Resource resource) {
        String code = newCode();
        api.post(resource.path(), resource.body(code));

        Api.Reply duplicate = api.post(resource.path(), resource.body(code));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("type").asText()).endsWith("/duplicate-code");
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void a_retired_entry_leaves_the_list_but_stays_readable_and_cannot_be_edited(Resource resource) {
        String code = newCode();
        String location = api.post(resource.path(), resource.body(code)).header("Location");

        Api.Reply retired = api.delete(location, "If-Match", "\"0\"");

        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.json().get("retiredAt").asText()).isNotBlank();
        assertThat(codesListed(resource.path() + "?size=500")).doesNotContain(code);
        assertThat(codesListed(resource.path() + "?size=500&includeRetired=true")).contains(code);
        assertThat(api.get(location).status()).isEqualTo(200);
        assertThat(api.put(location, with(resource.body(code), "version", 1)).status()).isEqualTo(409);
    }

    @ParameterizedTest
    @EnumSource(Resource.class)
    void an_unknown_id_or_code_is_404(Resource resource) {
        assertThat(api.get(resource.path() + "/987654").status()).isEqualTo(404);
        assertThat(api.get(resource.path() + "/code/NOPE").status()).isEqualTo(404);
        assertThat(api.put(resource.path() + "/987654", resource.body("NOPE"), "If-Match", "\"0\"").status()).isEqualTo(404);
        assertThat(api.delete(resource.path() + "/987654").status()).isEqualTo(404);
    }

    private java.util.List<String> codesListed(String path) {
        Api.Reply list = api.get(path);
        assertThat(list.status()).isEqualTo(200);
        java.util.List<String> codes = new java.util.ArrayList<>();
        for (JsonNode item : list.json().get("items")) {
            codes.add(item.get("code").asText());
        }
        return codes;
    }

    private static String newCode() {
        return "X" + SEQUENCE.incrementAndGet();
    }
}
