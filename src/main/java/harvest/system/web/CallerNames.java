package harvest.system.web;

import harvest.system.Actor;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Names each API caller by the address the rate limits count (the proxy's header when one is configured), so
 * the audit log says who made a change from behind the bureau's proxy too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CallerNames {
    private final ClientAddresses addresses;

    public CallerNames(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @RequestFilter
    public void name(HttpRequest<?> request) {
        request.setAttribute(Actor.CALLER, "api client " + addresses.of(request));
    }
}
