package harvest.system.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.HttpServerConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTest {
    private final ClientAddresses addresses = behindProxy();

    private static ClientAddresses behindProxy() {
        HttpServerConfiguration server = new HttpServerConfiguration();
        server.setClientAddressHeader("X-Forwarded-For");
        return new ClientAddresses(server);
    }

    private String key(String forwardedFor) {
        return addresses.limitKey(HttpRequest.GET("/api/v1/auth/mobile/codes").header("X-Forwarded-For", forwardedFor));
    }

    @Test
    void an_ipv6_subscriber_is_limited_as_its_whole_64() {
        assertThat(key("2001:db8:1:2::17")).isEqualTo(key("2001:db8:1:2:ffff:ffff:ffff:fffe")).isEqualTo("20010db800010002::/64");
        assertThat(key("2001:db8:1:3::17")).isNotEqualTo(key("2001:db8:1:2::17"));
    }

    @Test
    void an_ipv4_address_is_its_own_key_and_a_name_is_never_looked_up() {
        assertThat(key("203.0.113.9, 198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(key("attacker.example")).isEqualTo("attacker.example");
    }
}
