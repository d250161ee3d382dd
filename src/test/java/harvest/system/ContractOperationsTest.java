package harvest.system;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed contract as the mobile team's openapi-generator reads it: every operation has its own stable id, which
 * names the generated method and, in typescript-fetch, its parameter interface {@code <OperationId>Request}; one tag,
 * which names the generated API class; and its parameters in the order the generated method takes them.
 */
class ContractOperationsTest {
    /** Api.CONTRACT's file, named here because loading Api builds its validator, which refuses a contract with repeated ids. */
    private static final Path CONTRACT = Path.of("openapi/harvest-api.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final List<String> PAGING = List.of("page", "size", "sort");
    private static final Set<String> FILE_TYPES = Set.of("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/zip");
    /** What any operation can answer: a malformed request, an unknown route, an unexpected failure. */
    private static final List<String> ALWAYS_ANSWERABLE = List.of("400", "404", "500");
    private static final Map<String, String> PROBLEM = Map.of("$ref", "#/components/schemas/Problem");

    private final Map<String, Object> contract = contract();
    private final List<Operation> operations = operations();

    record Operation(String route, Map<String, Object> spec) {
        String id() {
            return (String) spec.get("operationId");
        }

        @SuppressWarnings("unchecked")
        List<String> tags() {
            return (List<String>) spec.getOrDefault("tags", List.of());
        }

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> responses() {
            return (Map<String, Map<String, Object>>) spec.getOrDefault("responses", Map.of());
        }

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> content(Map<String, Object> bodyOrResponse) {
            return (Map<String, Map<String, Object>>) bodyOrResponse.getOrDefault("content", Map.of());
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> requestBody() {
            return (Map<String, Object>) spec.getOrDefault("requestBody", Map.of());
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parameters() {
            return (List<Map<String, Object>>) spec.getOrDefault("parameters", List.of());
        }
    }

    @Test
    void every_operation_has_an_operation_id() {
        assertThat(operations).isNotEmpty();
        assertThat(operations).filteredOn(operation -> operation.id() == null || operation.id().isBlank())
                .extracting(Operation::route).isEmpty();
    }

    @Test
    void operation_ids_are_unique() {
        Map<String, List<String>> routesById = operations.stream().filter(operation -> operation.id() != null)
                .collect(Collectors.groupingBy(Operation::id, Collectors.mapping(Operation::route, Collectors.toList())));
        assertThat(routesById.entrySet()).filteredOn(entry -> entry.getValue().size() > 1).isEmpty();
    }

    /** A trailing digit is how generators tell apart ids that clash (create_1, get2), and it moves when routes are added. */
    @Test
    void no_operation_id_ends_in_a_digit() {
        assertThat(operations).extracting(Operation::id).filteredOn(id -> id != null && id.matches(".*\\d$")).isEmpty();
    }

    /** typescript-fetch would emit two declarations of one name, e.g. operation field's FieldRequest beside the FieldRequest model. */
    @Test
    void no_typescript_request_interface_is_named_like_a_schema() {
        @SuppressWarnings("unchecked")
        Set<String> models = ((Map<String, Object>) ((Map<String, Object>) contract.get("components")).get("schemas")).keySet().stream()
                .map(ContractOperationsTest::modelName).collect(Collectors.toSet());

        assertThat(operations).extracting(Operation::id).filteredOn(id -> id != null && models.contains(requestInterfaceName(id))).isEmpty();
    }

    @Test
    void schema_names_become_model_names_as_the_generator_makes_them() {
        assertThat(modelName("FieldRequest")).isEqualTo("FieldRequest");
        assertThat(modelName("PageResponse_Plan_")).isEqualTo("PageResponsePlan");
        assertThat(modelName("Broadcast.Audience")).isEqualTo("BroadcastAudience");
        assertThat(requestInterfaceName("field")).isEqualTo("FieldRequest");
    }

    @Test
    void every_operation_has_exactly_one_tag_in_kebab_case() {
        assertThat(operations).filteredOn(operation -> operation.tags().size() != 1).extracting(Operation::route).isEmpty();
        assertThat(operations).flatExtracting(Operation::tags).filteredOn(tag -> !tag.toString().matches("[a-z]+(-[a-z]+)*")).isEmpty();
    }

    @Test
    void path_parameters_come_first_and_paging_and_sorting_last() {
        List<String> misordered = new ArrayList<>();
        for (Operation operation : operations) {
            List<String> places = operation.parameters().stream().map(parameter -> (String) parameter.get("in")).toList();
            boolean pathFirst = places.subList(0, places.lastIndexOf("path") + 1).stream().allMatch("path"::equals);

            List<String> queries = operation.parameters().stream().filter(parameter -> "query".equals(parameter.get("in")))
                    .map(parameter -> (String) parameter.get("name")).toList();
            List<String> paging = queries.stream().filter(PAGING::contains).toList();
            boolean pagingLast = queries.subList(queries.size() - paging.size(), queries.size()).equals(paging)
                    && PAGING.stream().filter(paging::contains).toList().equals(paging);

            if (!pathFirst || !pagingLast) {
                misordered.add(operation.route() + " " + operation.parameters().stream().map(parameter -> parameter.get("name")).toList());
            }
        }
        assertThat(misordered).isEmpty();
    }

    /** A file declared format: byte is, to a generator, a base64 JSON string: exports decoded as JSON, imports sent as base64. */
    @Test
    void files_are_binary_in_their_own_media_types() {
        List<String> notBinary = new ArrayList<>();
        for (Operation operation : operations) {
            Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
            operation.content(operation.requestBody()).forEach((type, media) -> bodies.put("request " + type, media));
            operation.responses().forEach((status, response) -> operation.content(response)
                    .forEach((type, media) -> bodies.put(status + " " + type, media)));
            bodies.forEach((where, media) -> {
                String type = where.substring(where.indexOf(' ') + 1);
                Map<?, ?> schema = (Map<?, ?>) media.getOrDefault("schema", Map.of());
                boolean file = FILE_TYPES.contains(type);
                if (file && !"binary".equals(schema.get("format")) || "byte".equals(schema.get("format"))) {
                    notBinary.add(operation.route() + " " + where);
                }
            });
        }
        assertThat(notBinary).isEmpty();
        assertThat(operations).filteredOn(operation -> operation.id().startsWith("export"))
                .filteredOn(operation -> !operation.content(operation.responses().get("200")).keySet().stream().allMatch(FILE_TYPES::contains))
                .extracting(Operation::route).isEmpty();
    }

    /** The server answers every error as a problem document (ProblemResponseProcessor); a generated client decodes it only if told. */
    @Test
    void every_operation_declares_its_errors_as_problem_documents() {
        List<String> missing = new ArrayList<>();
        for (Operation operation : operations) {
            for (String status : ALWAYS_ANSWERABLE) {
                Map<String, Object> response = operation.responses().get(status);
                if (response == null || !operation.content(response).keySet().equals(Set.of("application/problem+json"))
                        || !PROBLEM.equals(operation.content(response).get("application/problem+json").get("schema"))) {
                    missing.add(operation.route() + " " + status);
                }
            }
            operation.responses().forEach((status, response) -> {
                if (status.matches("[45]\\d\\d") && !operation.content(response).keySet().equals(Set.of("application/problem+json"))) {
                    missing.add(operation.route() + " " + status);
                }
            });
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void a_created_resource_is_located_and_a_refusal_to_hurry_says_when_to_retry() {
        assertThat(operations).filteredOn(operation -> lacksHeader(operation, "201", "Location")).extracting(Operation::route).isEmpty();
        assertThat(operations).filteredOn(operation -> lacksHeader(operation, "429", "Retry-After")).extracting(Operation::route).isEmpty();
        assertThat(operations).filteredOn(operation -> operation.responses().containsKey("429")).isNotEmpty();
    }

    private static boolean lacksHeader(Operation operation, String status, String header) {
        Map<String, Object> response = operation.responses().get(status);
        return response != null && !((Map<?, ?>) response.getOrDefault("headers", Map.of())).containsKey(header);
    }

    /** As openapi-generator names a model: every run of other characters dropped, the letter after it capitalised. */
    private static String modelName(String schema) {
        return Arrays.stream(schema.split("[^A-Za-z0-9]+")).filter(part -> !part.isEmpty())
                .map(ContractOperationsTest::capitalised).collect(Collectors.joining());
    }

    private static String requestInterfaceName(String operationId) {
        return capitalised(operationId) + "Request";
    }

    private static String capitalised(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static Map<String, Object> contract() {
        try (InputStream in = Files.newInputStream(CONTRACT)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Operation> operations() {
        List<Operation> found = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) contract.get("paths");
        paths.forEach((path, item) -> item.forEach((method, spec) -> {
            if (METHODS.contains(method)) {
                found.add(new Operation(method.toUpperCase(Locale.ROOT) + " " + path, (Map<String, Object>) spec));
            }
        }));
        return found;
    }
}
