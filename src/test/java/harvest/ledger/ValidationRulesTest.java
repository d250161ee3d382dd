package harvest.ledger;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Ledgers;
import harvest.testing.Ledgers.Resource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static harvest.testing.Ledgers.Resource.AID_STATIONS;
import static harvest.testing.Ledgers.Resource.COMMUNITIES;
import static harvest.testing.Ledgers.Resource.DRYING_SITES;
import static harvest.testing.Ledgers.Resource.FARMERS;
import static harvest.testing.Ledgers.Resource.FIELDS;
import static harvest.testing.Ledgers.Resource.MACHINES;
import static harvest.testing.Ledgers.Resource.TEAMS;
import static harvest.testing.Ledgers.with;
import static org.assertj.core.api.Assertions.assertThat;

/** Each validation rule, one bad value at a time: a 422 naming the property, and nothing written. */
@MicronautTest
class ValidationRulesTest extends DatabaseTest {
    private static final String LONG_TEXT = "长".repeat(101);

    @Inject
    Api api;

    @BeforeAll
    void baseRows() {
        Ledgers.createBaseRows(api);
    }

    static Stream<Rule> rules() {
        return Stream.of(
                new Rule(COMMUNITIES, "code", "", "code"),
                new Rule(COMMUNITIES, "code", "has space", "code"),
                new Rule(COMMUNITIES, "code", "C".repeat(33), "code"),
                new Rule(COMMUNITIES, "name", " ", "name"),
                new Rule(COMMUNITIES, "name", LONG_TEXT, "name"),
                new Rule(COMMUNITIES, "street", null, "street"),
                new Rule(COMMUNITIES, "lat", 90.5, "lat"),
                new Rule(COMMUNITIES, "lat", -90.5, "lat"),
                new Rule(COMMUNITIES, "lon", 180.5, "lon"),
                new Rule(COMMUNITIES, "lon", null, "lon"),
                new Rule(FARMERS, "phone", "12345", "phone"),
                new Rule(FARMERS, "phone", "+86 123 4567 8901", "phone"),
                new Rule(FARMERS, "communityCode", "NO-SUCH", "communityCode"),
                new Rule(FARMERS, "communityCode", null, "communityCode"),
                new Rule(FARMERS, "language", "fr", "language"),
                new Rule(FIELDS, "areaMu", 0, "areaMu"),
                new Rule(FIELDS, "areaMu", -3, "areaMu"),
                new Rule(FIELDS, "areaMu", 10_000.5, "areaMu"),
                new Rule(FIELDS, "areaMu", 1.234, "areaMu"),
                new Rule(FIELDS, "expectedYieldKgPerMu", 0, "expectedYieldKgPerMu"),
                new Rule(FIELDS, "expectedYieldKgPerMu", 2001, "expectedYieldKgPerMu"),
                new Rule(FIELDS, "crop", "wheat", "crop"),
                new Rule(FIELDS, "ripeFrom", null, "ripeFrom"),
                new Rule(FIELDS, "farmerCode", "NO-SUCH", "farmerCode"),
                new Rule(FIELDS, "communityCode", "NO-SUCH", "communityCode"),
                new Rule(FIELDS, "lon", -181, "lon"),
                new Rule(MACHINES, "capacityMuPerHour", 0, "capacityMuPerHour"),
                new Rule(MACHINES, "capacityMuPerHour", 100.5, "capacityMuPerHour"),
                new Rule(MACHINES, "crops", List.of(), "crops"),
                new Rule(MACHINES, "crops", List.of("wheat"), "crops[0]"),
                new Rule(MACHINES, "operatorPhone", "not a phone", "operatorPhone"),
                new Rule(MACHINES, "kind", null, "kind"),
                new Rule(MACHINES, "origin", "", "origin"),
                new Rule(MACHINES, "baseLat", 95, "baseLat"),
                new Rule(MACHINES, "availableUntil", "2023-05-27T00:00:00+08:00", "availableUntil"),
                new Rule(DRYING_SITES, "capacityTonnesPerDay", 0, "capacityTonnesPerDay"),
                new Rule(DRYING_SITES, "capacityTonnesPerDay", 5001, "capacityTonnesPerDay"),
                new Rule(DRYING_SITES, "kind", null, "kind"),
                new Rule(DRYING_SITES, "contactPhone", "110", "contactPhone"),
                new Rule(DRYING_SITES, "communityCode", "NO-SUCH", "communityCode"),
                new Rule(TEAMS, "members", 0, "members"),
                new Rule(TEAMS, "members", 501, "members"),
                new Rule(TEAMS, "leaderPhone", null, "leaderPhone"),
                new Rule(TEAMS, "leaderName", "", "leaderName"),
                new Rule(TEAMS, "communityCode", "NO-SUCH", "communityCode"),
                new Rule(AID_STATIONS, "offers", List.of(), "offers"),
                new Rule(AID_STATIONS, "communityCode", "NO-SUCH", "communityCode"),
                new Rule(AID_STATIONS, "lat", 100, "lat"));
    }

    /** Setting {@code property} of a valid body to {@code value} must be reported against {@code field}. */
    record Rule(Resource resource, String property, Object value, String field) {
        @Override
        public String toString() {
            return resource + "." + property + " = " + value;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void a_bad_value_is_refused_with_422_naming_the_property_and_nothing_is_written(Rule rule) {
        Resource resource = rule.resource();
        String property = rule.property();
        Object value = rule.value();
        String field = rule.field();
        String code = property.equals("code") ? String.valueOf(value) : "BAD-" + resource.ordinal();

        Api.Reply reply = api.post(resource.path(), with(resource.body(code), property, value));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).endsWith("/validation");
        assertThat(reply.errorFields()).as(reply.toString()).contains(field);
        assertThat(api.get(resource.path() + "?includeRetired=true&size=500").json().get("totalItems").asInt())
                .isEqualTo(countBefore(resource));
    }

    private static int countBefore(Resource resource) {
        return switch (resource) {
            case COMMUNITIES, FARMERS -> 1;
            default -> 0;
        };
    }
}
