package harvest.system.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;


/**
 * Hardening headers on every response, errors included. The API serves only JSON, CSV and XLSX, so its pages
 * may load nothing at all; the bundled Swagger UI and Redoc pages load their scripts and styles from this server,
 * run inline bootstrap scripts, inject styles, use data: images, and Redoc searches in a worker made from a blob.
 * The dispatcher's board runs only its own scripts; its map and charts set styles inline, and its map may load
 * tiles from the one configured tile server.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
// First in, so last out: it also sees the answers of filters that turn a request away before any route.
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeaders {
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    private static final String DOCS_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'none'";

    private final String boardPolicy;

    public SecurityHeaders(@Property(name = "harvest.board.tile-url") @Nullable String tileUrl) {
        this.boardPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:" + tileOrigin(tileUrl)
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    @ResponseFilter
    public void addTo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        MutableHttpHeaders headers = response.getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        // Browsers heed it only on a response that came over HTTPS, as it will through a TLS-terminating proxy.
        headers.set("Strict-Transport-Security", "max-age=31536000");
        headers.set("Content-Security-Policy", isDocs(path) ? DOCS_POLICY : isBoard(path) ? boardPolicy : API_POLICY);
        // Ledgers and texts hold farmers' personal data, and the board's settings the bureau's tile key: no shared
        // or browser cache keeps them, unless a route chose its own caching (the public drying-site board).
        if ((path.startsWith("/api/") || path.equals("/board/settings")) && !headers.contains(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private static boolean isDocs(String path) {
        return under(path, "/swagger-ui") || under(path, "/redoc");
    }

    private static boolean isBoard(String path) {
        return under(path, "/board") || under(path, "/board-lib");
    }

    /** " https://*.tianditu.gov.cn" for a template on t{s}.tianditu.gov.cn (a port kept); nothing without a template. */
    private static String tileOrigin(@Nullable String template) {
        if (template == null || template.isBlank()) {
            return "";
        }
        int schemeEnd = template.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException("harvest.board.tile-url must be an http(s) URL template: " + template);
        }
        String host = template.substring(schemeEnd + 3).split("[/?]", 2)[0];
        if (host.contains("{s}") && !host.split("\\.", 2)[0].contains("{s}")) {
            throw new IllegalArgumentException("harvest.board.tile-url may put {s} in the first part of its host only: " + template);
        }
        return " " + template.substring(0, schemeEnd) + "://" + (host.contains("{s}") ? "*" + host.substring(host.indexOf('.')) : host);
    }

    private static boolean under(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }
}
