package harvest.system.web;

import harvest.system.DataVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.RouteAttributes;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Serves {@link CachedRead} GETs from memory while the data version stands, so the app's polling and a wall of
 * open boards cost one small query each instead of the read itself, and answers a matching If-None-Match with 304.
 * <p>
 * The version is read before the answer is computed: a change committed in between makes the answer newer than
 * its version, never older, and the next request sees the new version and computes afresh. Entries are per caller
 * (name and roles), so an answer is only ever served to someone it was already computed for, checks included.
 */
@ServerFilter("/api/**")
public class ReadCache implements Ordered {
    private static final int ENTRIES = 5_000;
    private static final String ETAG = ReadCache.class.getName() + ".etag";
    private static final String KEY = ReadCache.class.getName() + ".key";
    private static final String REVALIDATE = "private, no-cache";

    private final DataVersion version;
    private final Clock clock;
    private final Map<String, Cached> entries = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > ENTRIES;
        }
    });

    private record Cached(String etag, Object body) {
    }

    public ReadCache(DataVersion version, Clock clock) {
        this.version = version;
        this.clock = clock;
    }

    /** After security: the caller is known and the route's roles were checked. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public @Nullable MutableHttpResponse<?> lookUp(HttpRequest<?> request) {
        Optional<CachedRead> cached = cachedRead(request);
        if (cached.isEmpty()) {
            return null;
        }
        String etag = "\"v" + version.current() + (cached.get().asOfNow()
                ? "-" + Instant.now(clock).truncatedTo(ChronoUnit.MINUTES).getEpochSecond() / 60 : "") + "\"";
        String key = key(request);
        request.setAttribute(ETAG, etag);
        Cached entry = entries.get(key);
        if (entry == null || !entry.etag().equals(etag)) {
            request.setAttribute(KEY, key);
            return null;
        }
        MutableHttpResponse<?> response = matches(request, etag) ? HttpResponse.notModified() : HttpResponse.ok(entry.body());
        return response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, REVALIDATE);
    }

    @ResponseFilter
    public void keep(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<String> key = request.getAttribute(KEY, String.class);
        Optional<String> etag = request.getAttribute(ETAG, String.class);
        if (key.isEmpty() || etag.isEmpty() || response.getStatus() != HttpStatus.OK || response.getBody().isEmpty()) {
            return;
        }
        entries.put(key.get(), new Cached(etag.get(), response.getBody().get()));
        response.header(HttpHeaders.ETAG, etag.get()).header(HttpHeaders.CACHE_CONTROL, REVALIDATE);
        if (matches(request, etag.get())) {
            response.status(HttpStatus.NOT_MODIFIED).body(null);
        }
    }

    private static Optional<CachedRead> cachedRead(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET) {
            return Optional.empty();
        }
        return RouteAttributes.getRouteMatch(request).map(match -> ((RouteMatch<?>) match).synthesize(CachedRead.class));
    }

    private static String key(HttpRequest<?> request) {
        String caller = request.getUserPrincipal(Authentication.class)
                .map(authentication -> authentication.getName() + new TreeSet<>(authentication.getRoles()))
                .orElse("anonymous");
        return caller + " " + request.getUri() + " " + request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE, String.class, "");
    }

    private static boolean matches(HttpRequest<?> request, String etag) {
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        return ifNoneMatch != null && (ifNoneMatch.strip().equals("*")
                || Arrays.stream(ifNoneMatch.split(",")).map(String::strip).anyMatch(tag -> tag.equals(etag) || tag.equals("W/" + etag)));
    }
}
