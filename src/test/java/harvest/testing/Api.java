package harvest.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The tests' HTTP client. Every response it receives is checked against the committed contract
 * (openapi/harvest-api.yaml), so a test fails when the server answers anything the mobile app was not promised.
 * <p>
 * The injected instance signs in as the test admin (application-test.yml) on first use; {@link #anonymous()},
 * {@link #staff(String)}, {@link #app(String)} and {@link #withToken(String)} give clients that call as someone else.
 */
@Singleton
public class Api {
    public static final Path CONTRACT = Path.of("openapi/harvest-api.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(CONTRACT.toAbsolutePath().toUri().toString())
            .build();


    private final HttpClient http = HttpClient.newHttpClient();
    /** Asked on each request: a test class with @MockBean is built (and this injected) before the server has a port. */
    private final EmbeddedServer server;
    private final Database database;
    private final Supplier<String> token;

    @Inject
    public Api(EmbeddedServer server, @Value("${harvest.security.admin.username}") String admin,
               @Value("${harvest.security.admin.password}") String password,
               @Value("${datasources.default.url}") String databaseUrl, @Value("${datasources.default.username}") String databaseUser,
               @Value("${datasources.default.password:}") String databasePassword,
               @Value("${datasources.default.schema}") String databaseSchema) {
        this.server = server;
        this.database = new Database(databaseUrl, databaseUser, databasePassword, databaseSchema);
        this.token = memoize(() -> anonymous().signIn(admin, password));
    }

    private Api(EmbeddedServer server, Database database, Supplier<String> token) {
        this.server = server;
        this.database = database;
        this.token = token;
    }

    /** The same server, no Authorization header. */
    /** The bearer token this client sends, for clients of its own (the load benchmarks). */
    public String token() {
        return token.get();
    }

    public Api anonymous() {
        return new Api(server, database, () -> null);
    }

    /** The same server, this bearer token (expired, forged, revoked: whatever the test needs). */
    public Api withToken(String accessToken) {
        return new Api(server, database, () -> accessToken);
    }

    /** Signs in as a staff member with {@code role}, creating the account (by this client, an admin) if needed. */
    public Api staff(String role) {
        String username = role.toLowerCase(java.util.Locale.ROOT) + "-user";
        String password = "correct horse battery staple " + role;
        Reply created = post("/api/v1/accounts", Map.of("username", username, "role", role, "password", password));
        if (created.status() != 201 && created.status() != 409) {
            throw new AssertionError("could not create a " + role + " account: " + created);
        }
        return withToken(anonymous().signIn(username, password));
    }

    /** Signs in from the app as the holder of {@code phone}, reading the texted code from the outbox as an admin. */
    public Api app(String phone) {
        Reply sent = anonymous().post("/api/v1/auth/mobile/codes", Map.of("phone", phone));
        if (sent.status() != 202) {
            throw new AssertionError("no code for " + phone + ": " + sent);
        }
        Reply signedIn = anonymous().post("/api/v1/auth/mobile/sign-in", Map.of("phone", phone, "code", lastCode(phone)));
        if (signedIn.status() != 200) {
            throw new AssertionError("app sign-in for " + phone + " refused: " + signedIn);
        }
        return withToken(signedIn.json().path("accessToken").asText());
    }

    /**
     * The code of the newest sign-in text to {@code phone}: what the phone would show. The API shows these texts with
     * the code masked, so it is read where it waits for the worker.
     */
    public String lastCode(String phone) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password())) {
            connection.setSchema(database.schema());
            return lastCode(connection, phone);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lastCode(Connection connection, String phone) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                     SELECT secret FROM sms_message WHERE phone = ? AND kind = 'SIGN_IN_CODE' AND secret IS NOT NULL
                     ORDER BY id DESC LIMIT 1""")) {
            statement.setString(1, phone);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionError("no sign-in code is waiting for " + phone);
                }
                return rows.getString(1);
            }
        }
    }

    /** Where the server under test keeps its data (each test class has a schema of its own). */
    private record Database(String url, String username, String password, String schema) {
    }

    private String signIn(String username, String password) {
        Reply reply = post("/api/v1/auth/sign-in", Map.of("username", username, "password", password));
        if (reply.status() != 200) {
            throw new AssertionError("sign-in as " + username + " refused: " + reply);
        }
        return reply.json().path("accessToken").asText();
    }

    private static Supplier<String> memoize(Supplier<String> supplier) {
        return new Supplier<>() {
            private volatile String value;

            @Override
            public String get() {
                if (value == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = supplier.get();
                        }
                    }
                }
                return value;
            }
        };
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), null, headers);
    }

    public Reply post(String path, Object json, String... headers) {
        return send("POST", path, body(json), "application/json", headers);
    }

    public Reply put(String path, Object json, String... headers) {
        return send("PUT", path, body(json), "application/json", headers);
    }

    public Reply delete(String path, String... headers) {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody(), null, headers);
    }

    public Reply upload(String path, String contentType, byte[] bytes) {
        return send("POST", path, HttpRequest.BodyPublishers.ofByteArray(bytes), contentType);
    }

    public Reply send(String method, String path, HttpRequest.BodyPublisher body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path)).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        String bearer = token.get();
        if (bearer != null && !hasAuthorization(headers)) {
            request.header("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
            reply.requireContract(method, URI.create(path).getPath());
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasAuthorization(String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Authorization")) {
                return true;
            }
        }
        return false;
    }

    private static HttpRequest.BodyPublisher body(Object json) {
        try {
            return HttpRequest.BodyPublishers.ofString(json instanceof String text ? text : JSON.writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Reply(int status, Map<String, List<String>> headers, byte[] bytes) {
        /** Requests the tests make on purpose to routes or methods the API does not have. */
        private static final java.util.Set<String> OUTSIDE_THE_CONTRACT = java.util.Set.of(
                "validation.request.path.missing", "validation.request.operation.notAllowed");

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The fields named by a problem document's errors. */
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
            return fields;
        }

        public String etag() {
            return header("ETag");
        }

        @Override
        public String toString() {
            return status + " " + text();
        }

        void requireContract(String method, String path) {
            if (!path.startsWith("/api/")) {
                return;
            }
            SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
            headers.forEach((name, values) -> response.withHeader(name, values));
            if (bytes.length > 0) {
                response.withBody(text());
            }
            ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(method), response.build());
            List<ValidationReport.Message> broken = report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .filter(m -> !OUTSIDE_THE_CONTRACT.contains(m.getKey()))
                    .toList();
            if (!broken.isEmpty()) {
                throw new AssertionError("Response to " + method + " " + path + " breaks the contract: " + broken + "\n" + this);
            }
        }
    }
}
