package harvest.system.web;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.List;


/**
 * Hardening headers on every response, errors included. The API serves only JSON, CSV and XLSX, so its pages
 * may load nothing at all; the bundled Swagger UI and Redoc pages load their scripts and styles from this server,
 * run inline bootstrap scripts, inject styles, use data: images, and Redoc searches in a worker made from a blob.
 * Pages that features serve (the dispatcher's board) bring their own policy ({@link PagePolicy}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
// First in, so last out: it also sees the answers of filters that turn a request away before any route.
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeaders {
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    private static final String DOCS_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'none'";

    private final List<PagePolicy> pages;

    public SecurityHeaders(List<PagePolicy> pages) {
        this.pages = pages;
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
        headers.set("Content-Security-Policy", policyFor(path));
        // Ledgers and texts hold farmers' personal data: no shared or browser cache keeps them, unless a route
        // chose its own caching (the public drying-site board).
        if (path.startsWith("/api/") && !headers.contains(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private String policyFor(String path) {
        if (under(path, "/swagger-ui") || under(path, "/redoc")) {
            return DOCS_POLICY;
        }
        return pages.stream().filter(page -> page.roots().stream().anyMatch(root -> under(path, root))).findFirst()
                .map(PagePolicy::contentSecurityPolicy).orElse(API_POLICY);
    }

    private static boolean under(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }
}
