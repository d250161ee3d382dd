package harvest.system.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

/**
 * Who a request comes from, for per-client limits. Forwarding headers are not trusted by default (any client
 * could write a fresh X-Forwarded-For on each request to escape its limit): the peer's address counts, unless the
 * deployment names the header its own proxy sets in {@code micronaut.server.client-address-header}.
 */
@Singleton
public class ClientAddresses {
    private final HttpServerConfiguration server;

    public ClientAddresses(HttpServerConfiguration server) {
        this.server = server;
    }

    public String of(HttpRequest<?> request) {
        String header = server.getClientAddressHeader();
        String forwarded = header == null ? null : request.getHeaders().get(header);
        if (forwarded != null && !forwarded.isBlank()) {
            // A proxy appends the address it saw: the last entry is the one the client cannot forge.
            return forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
