package harvest.system.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Who a request comes from, for per-client limits. Forwarding headers are not trusted by default (any client
 * could write a fresh X-Forwarded-For on each request to escape its limit): the peer's address counts, unless the
 * deployment names the header its own proxy sets in {@code micronaut.server.client-address-header}.
 */
@Singleton
public class ClientAddresses {
    /** An IPv6 literal (so parsing it can never mean a DNS lookup of a forged header). */
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");

    private final HttpServerConfiguration server;

    public ClientAddresses(HttpServerConfiguration server) {
        this.server = server;
    }

    /**
     * The key per-client limits count under: the address, but for IPv6 its /64 network, since one subscriber is
     * routinely handed a whole /64 and could otherwise take a fresh address for each request.
     */
    public String limitKey(HttpRequest<?> request) {
        String address = of(request);
        if (!IPV6.matcher(address).matches()) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
        } catch (UnknownHostException e) {
            return address;
        }
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
