package harvest.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.TestPostgres;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract as a fuzzer reads it: every operation in openapi/harvest-api.yaml gets bad input of each kind, in its
 * path, its query, its headers and each property of its body, and whatever it gets, the answer is never a 5xx, a 4xx
 * is always problem+json, and a request answered 4xx has written no row. Requests go out on a plain client: the
 * tests' {@link Api} checks every answer against the contract, and under fuzzing 4xx statuses the contract does not
 * list for an operation are expected.
 */
@MicronautTest(transactional = false)
class ContractFuzzTest extends DatabaseTest {
    /** Fixed, so a failure comes back on the next run with the same bytes. */
    private static final long SEED = 20_260_601L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLE = "@@fuzzed@@";
    private static final String JSON_TYPE = "application/json";
    /** A user of its own for the operations that would end or change the admin's session. */
    private static final String THROWAWAY = "fuzz-throwaway";
    /** The account the account operations are fuzzed on, so the admin's stays as it is. */
    private static final String TARGET = "fuzz-target";
    private static final String PASSWORD = "correct horse battery staple fuzz";
    /**
     * Tables no request's answer is judged by: a rate limit counts the requests it refuses too, and the scheduler's
     * table is written by its own polling.
     */
    private static final Set<String> NOT_JUDGED = Set.of("rate_limit", "scheduled_tasks");
    /**
     * What a refused request writes by design: a wrong password (at sign-in or to change it) is recorded so that
     * guessing gets the account locked,
     * and a wrong code counts against the phone's live code, which dies after a few.
     */
    private static final Map<String, Set<String>> WRITTEN_WHEN_REFUSED = Map.of(
            "signIn", Set.of("sign_in_failure"),
            "signInWithCode", Set.of("sign_in_code"),
            "changeMyPassword", Set.of("sign_in_failure"));

    /** A property's bad values, as JSON text: wrong types, the edges of Java's dates and numbers, odd strings. */
    private static final Map<String, String> BAD_JSON_VALUES = badJsonValues();
    /** A query or path parameter's bad values, percent-encoded as they go on the wire. */
    private static final Map<String, String> BAD_PARAMETER_VALUES = badParameterValues();

    @Inject
    Api api;
    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(SEED);
    private final Map<String, Integer> byClass = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private Connection database;
    private String tableQuery;
    private Map<String, List<Long>> lastReading;
    private long readAt = -1;
    private String admin;
    private String throwaway;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.demo", "true", "harvest.sms.worker-enabled", "false", "harvest.dispatch.draft-interval", "1h",
                // a pull asked for by the fuzzer fails at once instead of reaching out to the real provider
                "micronaut.http.services.open-meteo.url", "http://127.0.0.1:1",
                "harvest.weather.pull.attempts", "1");
    }

    record Probe(String operation, String kind, String method, String path, String contentType, byte[] body,
                 List<String> headers, String token) {
        @Override
        public String toString() {
            String shown = body == null ? "" : " " + abbreviated(new String(body, StandardCharsets.UTF_8));
            return operation + " [" + kind + "] " + method + " " + abbreviated(path) + shown;
        }
    }

    @Test
    void no_bad_input_is_a_5xx_an_unexplained_4xx_or_a_write() throws Exception {
        long started = System.nanoTime();
        OpenAPI contract = contract();
        api.post("/api/v1/accounts", Map.of("username", TARGET, "role", "VIEWER", "password", PASSWORD));
        api.post("/api/v1/accounts", Map.of("username", THROWAWAY, "role", "VIEWER", "password", PASSWORD));
        admin = api.token();
        throwaway = api.anonymous().post("/api/v1/auth/sign-in", Map.of("username", THROWAWAY, "password", PASSWORD))
                .json().path("accessToken").asText();

        int operations = 0;
        try (Connection connection = TestPostgres.server().connect()) {
            database = connection;
            tableQuery = tableQuery();
            // retiring comes last: the demo entries a plausible request names stay active for every other operation
            for (boolean retiring : List.of(false, true)) {
                for (Map.Entry<String, PathItem> path : contract.getPaths().entrySet()) {
                    for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                        if ((operation.getKey() == PathItem.HttpMethod.DELETE && path.getKey().endsWith("/{id}")) == retiring) {
                            operations++;
                            for (Probe probe : probes(path.getKey(), operation.getKey().name(), operation.getValue())) {
                                send(probe);
                            }
                        }
                    }
                }
            }
        }

        int sent = byClass.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("contract fuzz: %d requests to %d operations in %d s, by status class %s, %d failures%n", sent, operations,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), byClass, failures.size());
        assertThat(operations).isGreaterThanOrEqualTo(100);
        assertThat(failures).as(String.join("\n", failures.subList(0, Math.min(failures.size(), 60)))).isEmpty();
    }

    private static OpenAPI contract() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser().read(Api.CONTRACT.toString(), null, options);
    }

    // ---- what is sent ----

    private List<Probe> probes(String template, String method, Operation operation) {
        String id = operation.getOperationId();
        List<Parameter> parameters = Objects.requireNonNullElse(operation.getParameters(), List.of());
        boolean anonymous = operation.getSecurity() == null || operation.getSecurity().isEmpty();
        // signing out and changing one's password would end the admin's session: they get a user of their own
        String token = anonymous ? null : Set.of("signOut", "changeMyPassword").contains(id) ? throwaway : admin;
        Map<String, MediaType> content = operation.getRequestBody() == null ? Map.of() : operation.getRequestBody().getContent();
        MediaType json = content.get(JSON_TYPE);
        Object plausible = json == null ? null : plausible(json.getSchema(), "body");
        if (method.equals("PUT") && plausible instanceof Map<?, ?> object && object.containsKey("code")) {
            // a ledger entry's code is its key: an update names the entry it updates
            plausible = with(object, "code", ledgerCode(template));
        }
        String plausibleBody = plausible == null ? null : toJson(plausible);
        Map<String, String> plausiblePath = new LinkedHashMap<>();
        parameters.stream().filter(p -> "path".equals(p.getIn())).forEach(p -> plausiblePath.put(p.getName(), plausiblePathValue(template, p)));

        Map<String, String> requiredQuery = new LinkedHashMap<>();
        parameters.stream().filter(p -> "query".equals(p.getIn()) && Boolean.TRUE.equals(p.getRequired()))
                .forEach(p -> requiredQuery.put(p.getName(), java.net.URLEncoder.encode(plausible(p.getSchema(), p.getName()).toString(), StandardCharsets.UTF_8)));

        List<Probe> probes = new ArrayList<>();
        ProbeBuilder base = new ProbeBuilder(id, method, template, plausiblePath, token, plausibleBody == null ? null : JSON_TYPE,
                plausibleBody == null ? null : plausibleBody.getBytes(StandardCharsets.UTF_8), "plausible", requiredQuery, List.of());
        probes.add(base.kind("plausible").build());

        for (Parameter parameter : parameters) {
            String name = parameter.getName();
            switch (parameter.getIn()) {
                case "path" -> {
                    for (Map.Entry<String, String> bad : BAD_PARAMETER_VALUES.entrySet()) {
                        if (!bad.getValue().isEmpty()) {
                            probes.add(base.kind("path " + name + ": " + bad.getKey()).path(name, bad.getValue()).build());
                        }
                    }
                    probes.add(base.kind("path " + name + ": absent from the ledgers").path(name, "NOBODY").build());
                }
                case "query" -> {
                    for (Map.Entry<String, String> bad : BAD_PARAMETER_VALUES.entrySet()) {
                        probes.add(base.kind("query " + name + ": " + bad.getKey()).query(name, bad.getValue()).build());
                    }
                    probes.add(base.kind("query " + name + ": matching nothing").query(name, "NOBODY").build());
                    probes.add(base.kind("query " + name + ": repeated").query(name, "a&" + name + "=b").build());
                    if (requiredQuery.containsKey(name)) {
                        probes.add(base.kind("query " + name + ": missing").query(name, null).build());
                    }
                }
                case "header" -> {
                    for (String bad : List.of("yesterday", "\"1\"", "W/\"1\"", "*", "\"\"", "\"99999999999999999999\"", "\"-1\"")) {
                        probes.add(base.kind("header " + name + ": " + bad).header(name, bad).build());
                    }
                }
                default -> throw new IllegalStateException(id + ": a parameter in " + parameter.getIn());
            }
        }

        if (json != null) {
            probes.addAll(bodyProbes(base, json.getSchema(), plausible));
        } else if (content.isEmpty() && !method.equals("GET")) {
            // a body where none is taken: it is ignored or refused, never a 5xx
            probes.add(base.kind("unexpected malformed body").body(JSON_TYPE, "{\"").build());
            probes.add(base.kind("unexpected body of an unknown type").body("application/x-fuzz", "??").build());
        }
        for (Map.Entry<String, MediaType> media : content.entrySet()) {
            if (!media.getKey().equals(JSON_TYPE)) {
                probes.addAll(rawBodyProbes(base, media.getKey()));
            }
        }
        return probes;
    }

    private List<Probe> bodyProbes(ProbeBuilder base, Schema<?> schema, Object plausible) {
        List<Probe> probes = new ArrayList<>();
        String text = toJson(plausible);
        probes.add(base.kind("body: trailing document").body(JSON_TYPE, text + " {}").build());
        probes.add(base.kind("body: trailing garbage").body(JSON_TYPE, text + " x").build());
        probes.add(base.kind("body: no Content-Type").body(null, text).build());
        probes.add(base.kind("body: text/plain").body("text/plain", text).build());
        probes.add(base.kind("body: form-encoded").body("application/x-www-form-urlencoded", "a=1").build());
        probes.add(base.kind("body: empty").body(JSON_TYPE, "").build());
        probes.add(base.kind("body: malformed").body(JSON_TYPE, "{\"").build());
        probes.add(base.kind("body: invalid UTF-8").bytes(JSON_TYPE, new byte[]{'{', '"', (byte) 0xC3, '"', ':', '1', '}'}).build());
        probes.add(base.kind("body: null").body(JSON_TYPE, "null").build());
        probes.add(base.kind("body: an array").body(JSON_TYPE, "[" + text + "]").build());
        probes.add(base.kind("body: a string").body(JSON_TYPE, "\"yes\"").build());
        probes.add(base.kind("body: deeply nested").body(JSON_TYPE, "[".repeat(5000) + "]".repeat(5000)).build());
        probes.add(base.kind("body: random").body(JSON_TYPE, randomText(200)).build());
        if (!(plausible instanceof Map<?, ?> object)) {
            return probes;
        }
        probes.add(base.kind("body: unknown property").body(JSON_TYPE, toJson(with(object, "fuzzed", "x"))).build());
        probes.add(base.kind("body: duplicate property").body(JSON_TYPE, text.replaceFirst("\\{", "{\"" + object.keySet().iterator().next()
                + "\": null, ")).build());
        for (Object key : object.keySet()) {
            String name = (String) key;
            Map<Object, Object> without = new LinkedHashMap<>(object);
            without.remove(name);
            probes.add(base.kind("body " + name + ": missing").body(JSON_TYPE, toJson(without)).build());
            String holed = toJson(with(object, name, HOLE));
            for (Map.Entry<String, String> bad : BAD_JSON_VALUES.entrySet()) {
                probes.add(base.kind("body " + name + ": " + bad.getKey()).body(JSON_TYPE, holed.replace("\"" + HOLE + "\"", bad.getValue())).build());
            }
            Schema<?> property = (Schema<?>) properties(schema).get(name);
            Object inner = plausible(property, name);
            if (inner instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Map<?, ?> item) {
                // one level down, the array items the ledgers and forecasts are made of
                for (Object itemKey : item.keySet()) {
                    String nested = toJson(with(object, name, List.of(with(item, itemKey, HOLE))));
                    for (String kind : List.of("a number for a string", "\"yes\" for a boolean", "an array", "the last date", "a lone surrogate", "null")) {
                        probes.add(base.kind("body " + name + "[]." + itemKey + ": " + kind).body(JSON_TYPE,
                                nested.replace("\"" + HOLE + "\"", BAD_JSON_VALUES.get(kind))).build());
                    }
                }
            }
        }
        return probes;
    }

    private List<Probe> rawBodyProbes(ProbeBuilder base, String mediaType) {
        List<Probe> probes = new ArrayList<>();
        byte[] junk = new byte[256];
        random.nextBytes(junk);
        String kind = "body (" + mediaType + "): ";
        if (mediaType.equals("application/x-www-form-urlencoded")) {
            probes.add(base.kind(kind + "plausible, unsigned").body(mediaType, "From=%2B8615078657975&To=%2B10000000000&Body=hi&MessageSid=SM1&MessageStatus=delivered").build());
            probes.add(base.kind(kind + "malformed escapes").body(mediaType, "From=%ZZ&Body=%").build());
            probes.add(base.kind(kind + "lone surrogate").body(mediaType, "From=%ED%A0%80&Body=%ED%A0%80").build());
            probes.add(base.kind(kind + "no names").body(mediaType, "=&=&&=").build());
            probes.add(base.kind(kind + "overlong").body(mediaType, "Body=" + "x".repeat(20_000)).build());
            probes.add(base.kind(kind + "signed with garbage").body(mediaType, "From=%2B8615078657975&Body=hi").header("X-Twilio-Signature", "garbage").build());
        } else if (mediaType.startsWith("multipart/")) {
            probes.add(base.kind(kind + "no boundary").body(mediaType, "--x\r\n\r\n").build());
            probes.add(base.kind(kind + "garbage").bytes(mediaType + "; boundary=fuzz", junk).build());
            probes.add(base.kind(kind + "unterminated part").body(mediaType + "; boundary=fuzz",
                    "--fuzz\r\nContent-Disposition: form-data; name=\"fields\"; filename=\"fields.csv\"\r\n\r\ncode\r\n").build());
            probes.add(base.kind(kind + "a part of junk").body(mediaType + "; boundary=fuzz",
                    "--fuzz\r\nContent-Disposition: form-data; name=\"fields\"; filename=\"fields.csv\"\r\n\r\n\u0000\u0001code,%\r\n--fuzz--\r\n").build());
        } else {
            probes.add(base.kind(kind + "garbage").bytes(mediaType, junk).build());
            probes.add(base.kind(kind + "truncated zip").bytes(mediaType, new byte[]{'P', 'K', 3, 4, 20, 0}).build());
            probes.add(base.kind(kind + "invalid UTF-8").bytes(mediaType, "code,name\nX1,\u00ff\n".getBytes(StandardCharsets.ISO_8859_1)).build());
            probes.add(base.kind(kind + "lone surrogate").bytes(mediaType, new byte[]{'c', 'o', 'd', 'e', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'}).build());
            probes.add(base.kind(kind + "header only").body(mediaType, "code\n").build());
            probes.add(base.kind(kind + "edge dates and numbers").body(mediaType,
                    "code,ripeFrom,areaMu,lat\nX1,+999999999-12-31T23:59:59+18:00,1e400,-99999999999999999999\n").build());
        }
        probes.add(base.kind(kind + "empty").body(mediaType, "").build());
        probes.add(base.kind(kind + "no Content-Type").bytes(null, junk).build());
        probes.add(base.kind(kind + "as JSON").body(JSON_TYPE, "{}").build());
        return probes;
    }

    /** A request taking shape: the plausible one, with one thing made bad. */
    private record ProbeBuilder(String operation, String method, String template, Map<String, String> pathValues, String token,
                                String contentType, byte[] body, String kind, Map<String, String> query, List<String> headers) {
        ProbeBuilder kind(String kind) {
            return new ProbeBuilder(operation, method, template, pathValues, token, contentType, body, kind, query, headers);
        }

        ProbeBuilder path(String name, String value) {
            Map<String, String> values = new LinkedHashMap<>(pathValues);
            values.put(name, value);
            return new ProbeBuilder(operation, method, template, values, token, contentType, body, kind, query, headers);
        }

        /** This query parameter with this (encoded) value, or without it for null. */
        ProbeBuilder query(String name, String value) {
            Map<String, String> values = new LinkedHashMap<>(query);
            if (value == null) {
                values.remove(name);
            } else {
                values.put(name, value);
            }
            return new ProbeBuilder(operation, method, template, pathValues, token, contentType, body, kind, values, headers);
        }

        ProbeBuilder header(String name, String value) {
            List<String> more = new ArrayList<>(headers);
            more.add(name);
            more.add(value);
            return new ProbeBuilder(operation, method, template, pathValues, token, contentType, body, kind, query, more);
        }

        ProbeBuilder body(String type, String text) {
            return bytes(type, text.getBytes(StandardCharsets.UTF_8));
        }

        ProbeBuilder bytes(String type, byte[] bytes) {
            return new ProbeBuilder(operation, method, template, pathValues, token, type, bytes, kind, query, headers);
        }

        Probe build() {
            String path = template;
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            String parameters = query.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("&"));
            return new Probe(operation, kind, method, parameters.isEmpty() ? path : path + "?" + parameters, contentType, body, headers, token);
        }
    }

    private static Map<String, String> badJsonValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("null", "null");
        values.put("a number for a string", "123");
        values.put("a fraction", "1.5");
        values.put("\"yes\" for a boolean", "\"yes\"");
        values.put("a boolean", "true");
        values.put("an array", "[1]");
        values.put("an object", "{}");
        values.put("the last date", "\"+999999999-12-31T23:59:59+18:00\"");
        values.put("the first date", "\"-999999999-01-01\"");
        values.put("a date without offset", "\"2023-06-01T08:00:00\"");
        values.put("a lone surrogate", "\"\\ud800\"");
        values.put("a NUL character", "\"\\u0000\"");
        values.put("empty", "\"\"");
        values.put("blank", "\"   \"");
        values.put("overlong", "\"" + "x".repeat(10_001) + "\"");
        values.put("an unknown enum value", "\"NOT_A_VALUE\"");
        values.put("negative", "-1");
        values.put("zero", "0");
        values.put("past int", "2147483648");
        values.put("past long", "-9223372036854775809");
        values.put("huge", "1e400");
        values.put("a number as a string", "\"1\"");
        return values;
    }

    private static Map<String, String> badParameterValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("empty", "");
        values.put("overlong", "x".repeat(2_000));
        values.put("negative", "-1");
        values.put("zero", "0");
        values.put("a fraction", "1.5");
        values.put("past long", "99999999999999999999");
        values.put("\"yes\"", "yes");
        values.put("an unknown enum value", "NOT_A_VALUE");
        values.put("the last date", "%2B999999999-12-31T23%3A59%3A59%2B18%3A00");
        values.put("the first date", "-999999999-01-01");
        values.put("a date without offset", "2023-06-01T08%3A00%3A00");
        values.put("a lone surrogate", "%ED%A0%80");
        values.put("a NUL character", "%00");
        values.put("a slash", "a%2Fb");
        values.put("JSON", "%5B1%5D");
        return values;
    }

    // ---- plausible values, from the contract's schemas ----

    /** A path parameter's value that names something the demo district has, so the request gets past the lookup. */
    private static String plausiblePathValue(String template, Parameter parameter) {
        return switch (parameter.getName()) {
            case "id" -> "1";
            case "username" -> TARGET;
            case "date" -> "2023-05-30";
            case "ledger" -> "fields";
            case "chunkId" -> "P000001%231";
            case "code" -> ledgerCode(template);
            default -> "1";
        };
    }

    /** The code of the demo entry with id 1 in the ledger the route is about. */
    private static String ledgerCode(String template) {
        return template.contains("aid-stations") ? "A001"
                : template.contains("communities") ? "BL-01"
                : template.contains("drying-sites") ? "D001"
                : template.contains("farmers") ? "F00001"
                : template.contains("machines") ? "M0001"
                : template.contains("teams") ? "T001"
                : "P000001";
    }

    private static Object plausible(Schema<?> schema, String name) {
        if (schema instanceof ComposedSchema composed) {
            List<Schema> choices = composed.getOneOf() != null ? composed.getOneOf()
                    : composed.getAnyOf() != null ? composed.getAnyOf() : composed.getAllOf();
            if (choices != null && !choices.isEmpty()) {
                return plausible(choices.getFirst(), name);
            }
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().getFirst().toString();
        }
        if (schema.getDefault() != null) {
            return schema.getDefault();
        }
        String type = schema.getType() != null ? schema.getType() : schema.getProperties() != null ? "object" : "string";
        return switch (type) {
            // the demo district's entries are at version 0 until something changes them
            case "integer" -> name.equals("version") ? 0 : (int) Math.ceil(within(schema, 1));
            case "number" -> within(schema, 1.5);
            case "boolean" -> false;
            case "array" -> schema.getItems() == null ? List.of() : List.of(plausible(schema.getItems(), name));
            case "object" -> {
                Map<Object, Object> object = new LinkedHashMap<>();
                properties(schema).forEach((property, value) -> object.put(property, plausible(value, property)));
                yield object;
            }
            default -> plausibleString(schema, name);
        };
    }

    /** {@code value}, or a value inside the schema's bounds if it is outside. */
    private static double within(Schema<?> schema, double value) {
        double minimum = schema.getMinimum() == null ? Double.NEGATIVE_INFINITY : schema.getMinimum().doubleValue();
        double maximum = schema.getMaximum() == null ? Double.POSITIVE_INFINITY : schema.getMaximum().doubleValue();
        if (value >= minimum && value <= maximum) {
            return value;
        }
        return Double.isInfinite(maximum) ? minimum + 1 : Double.isInfinite(minimum) ? maximum - 1 : (minimum + maximum) / 2;
    }

    private static String plausibleString(Schema<?> schema, String name) {
        if ("date".equals(schema.getFormat())) {
            return "2023-05-30";
        }
        if (name.equals("to") || name.endsWith("Until")) {
            return "2023-06-02T08:00:00+08:00";
        }
        if ("date-time".equals(schema.getFormat()) || name.endsWith("At") || name.endsWith("From") || name.equals("from")
                || name.equals("time")) {
            return "2023-05-30T08:00:00+08:00";
        }
        if ("^[0-9]{6}$".equals(schema.getPattern())) {
            return "123456";
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("phone")) {
            return "+8615078657975";
        }
        if (lower.contains("crop")) {
            return "WHEAT";
        }
        String text = switch (name) {
            // the community of the demo's field P000001, so that a plan for it has something to plan
            case "communityCode", "community", "communities" -> "YC-03";
            case "farmerCode", "farmer" -> "F00001";
            case "fieldCode", "field", "fields" -> "P000001";
            case "machine", "machines" -> "M0001";
            case "password", "newPassword" -> "purple elephants dance quietly at noon";
            case "currentPassword" -> PASSWORD;
            default -> "fuzz";
        };
        return schema.getMinLength() == null || text.length() >= schema.getMinLength() ? text
                : text + "z".repeat(schema.getMinLength() - text.length());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<String, Schema> properties(Schema<?> schema) {
        if (schema instanceof ComposedSchema composed && composed.getAllOf() != null && schema.getProperties() == null) {
            return composed.getAllOf().stream().filter(part -> part.getProperties() != null)
                    .flatMap(part -> ((Map<String, Schema>) part.getProperties()).entrySet().stream())
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        }
        return schema.getProperties() == null ? Map.of() : (Map<String, Schema>) (Map) schema.getProperties();
    }

    private static Map<Object, Object> with(Map<?, ?> object, Object name, Object value) {
        Map<Object, Object> copy = new LinkedHashMap<>(object);
        copy.put(name, value);
        return copy;
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seeded junk of every plane: ASCII, CJK, emoji, controls. */
    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> 0x20 + random.nextInt(0x5f);
                case 1 -> 0x4e00 + random.nextInt(0x5000);
                case 2 -> 0x1f600 + random.nextInt(0x50);
                default -> random.nextInt(0x20);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…(" + text.length() + " chars)";
    }

    // ---- sending and judging ----

    private void send(Probe probe) throws SQLException {
        Map<String, List<Long>> before = tables();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + probe.path())).timeout(Duration.ofSeconds(30))
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        if (probe.token() != null) {
            request.header("Authorization", "Bearer " + probe.token());
        }
        for (int i = 0; i < probe.headers().size(); i += 2) {
            request.header(probe.headers().get(i), probe.headers().get(i + 1));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            byClass.merge("no answer", 1, Integer::sum);
            failures.add("no answer (" + e + "): " + probe);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = response.statusCode();
        byClass.merge(status / 100 + "xx", 1, Integer::sum);
        String answer = status + " " + abbreviated(response.body());
        if (status < 400) {
            awaitPlans();
        }
        if (status >= 500) {
            failures.add(answer + " <- " + probe);
        } else if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                failures.add("not problem+json (" + type + "): " + answer + " <- " + probe);
            }
            Map<String, List<Long>> after = tables();
            Set<String> allowed = WRITTEN_WHEN_REFUSED.getOrDefault(probe.operation(), Set.of());
            List<String> written = before.keySet().stream()
                    .filter(table -> !before.get(table).equals(after.get(table)) && !allowed.contains(table))
                    .map(table -> table + " " + before.get(table) + " -> " + after.get(table)).toList();
            if (!written.isEmpty()) {
                failures.add("refused but wrote " + written + ": " + answer + " <- " + probe);
            }
        }
    }

    /**
     * Stops the plans an accepted request set solving and waits for them: their writes land later, during requests
     * that must not be blamed for them, and a plan left at the default time limit would hold the fuzzer up.
     */
    private void awaitPlans() {
        Set<Long> stopped = new java.util.HashSet<>();
        await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<Long> solving = new ArrayList<>();
            try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT id FROM " + schema() + ".plan WHERE state IN ('QUEUED', 'SOLVING')")) {
                while (rows.next()) {
                    solving.add(rows.getLong(1));
                }
            }
            solving.stream().filter(stopped::add).forEach(plan ->
                    api.send("POST", "/api/v1/plans/" + plan + "/stop", HttpRequest.BodyPublishers.noBody(), null));
            return solving.isEmpty();
        });
    }

    /**
     * Per table of the schema, its row count and its newest row version's transaction: any insert, update or delete
     * moves one. Read again only when some transaction has been given an id since the last reading (no write goes
     * without one), which on a quiet database saves most of the readings.
     */
    private Map<String, List<Long>> tables() throws SQLException {
        long horizon;
        try (Statement statement = database.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
            rows.next();
            horizon = rows.getLong(1);
        }
        if (horizon != readAt) {
            lastReading = readTables();
            readAt = horizon;
        }
        return lastReading;
    }

    private Map<String, List<Long>> readTables() throws SQLException {
        Map<String, List<Long>> tables = new TreeMap<>();
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(tableQuery)) {
            while (rows.next()) {
                tables.put(rows.getString(1), List.of(rows.getLong(2), rows.getLong(3)));
            }
        }
        return tables;
    }

    private String tableQuery() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema = '" + schema() + "'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names.stream().filter(name -> !NOT_JUDGED.contains(name))
                .map(name -> "SELECT '" + name + "', count(*), coalesce(max(xmin::text::bigint), 0) FROM " + schema() + "." + name)
                .collect(Collectors.joining(" UNION ALL "));
    }
}
