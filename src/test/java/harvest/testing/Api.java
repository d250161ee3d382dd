package harvest.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tests' HTTP client. Every response it receives is checked against the committed contract
 * (openapi/harvest-api.yaml), so a test fails when the server answers anything the mobile app was not promised.
 */
@Singleton
public class Api {
    public static final Path CONTRACT = Path.of("openapi/harvest-api.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(CONTRACT.toAbsolutePath().toUri().toString())
            .build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    public Api(EmbeddedServer server) {
        this.base = server.getURI();
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
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
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
