package harvest.system.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * What the framework's readers let through or trip over, refused as a 400 before a route reads the body. A JSON
 * body is one JSON document: the reader stops after the first value, so {@code {"code": "A"} {"code": "B"}} would
 * be read as the first alone and the rest silently dropped. A form (Twilio's webhooks) escapes with {@code %} and two
 * hex digits: the form reader throws on anything else, which would be a 500 before the signature is even checked.
 */
@ServerFilter("/api/**")
public class WellFormedBodies {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void check(ServerHttpRequest<?> request) throws InterruptedException, ExecutionException {
        Optional<MediaType> type = request.getContentType();
        boolean json = type.map(t -> t.matches(MediaType.APPLICATION_JSON_TYPE)).orElse(false);
        boolean form = type.map(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false);
        if (!json && !form) {
            return;
        }
        try (CloseableAvailableByteBody body = request.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer().get()) {
            byte[] bytes = body.toByteArray();
            if (json && trailing(bytes)) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, "the body holds more than one JSON document; send one");
            }
            if (form && BAD_ESCAPE.matcher(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).find()) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, "the form has a % that is not followed by two hex digits");
            }
        }
    }

    /** Malformed JSON is left to the reader, which names where it breaks. */
    private static boolean trailing(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() != null;
        } catch (IOException e) {
            return false;
        }
    }
}
