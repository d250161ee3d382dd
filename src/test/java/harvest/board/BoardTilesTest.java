package harvest.board;

import com.sun.net.httpserver.HttpServer;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a tile server configured (Tianditu in the field; here a local server answering PNG tiles as any slippy-map
 * server does), the map draws its tiles from it, the page's policy lets exactly that server in, and its credit
 * line shows.
 */
@MicronautTest
class BoardTilesTest extends DatabaseTest {
    private static final HttpServer TILES = tileServer();
    private static final AtomicInteger SERVED = new AtomicInteger();
    private static final String ORIGIN = "http://127.0.0.1:" + TILES.getAddress().getPort();

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.demo", "true", "harvest.board.tile-url", ORIGIN + "/vec/{z}/{x}/{y}.png?tk=bureau-key",
                "harvest.board.tile-attribution", "天地图 test tiles");
    }

    @AfterAll
    void stopTiles() {
        TILES.stop(0);
    }

    @Test
    void the_map_draws_the_configured_tiles_and_the_policy_admits_only_that_server() throws Exception {
        assertThat(api.anonymous().get("/board/index.html").header("Content-Security-Policy"))
                .contains("img-src 'self' data: " + ORIGIN + ";");
        assertThat(api.get("/board/settings").header("Cache-Control")).isEqualTo("no-store");

        try (Browser browser = new Browser("tiles", 1366, 768)) {
            browser.signIn("http://localhost:" + server.getPort(), "test-admin", "test admin passphrase");
            browser.find(".leaflet-container");
            browser.until(d -> browser.all("img.leaflet-tile-loaded").size() >= 4 ? true : null);
            assertThat(browser.find("img.leaflet-tile-loaded").getAttribute("src")).startsWith(ORIGIN + "/vec/").endsWith("tk=bureau-key");
            assertThat(browser.find(".leaflet-control-attribution").getText()).contains("天地图 test tiles");
            browser.screenshot("tiles-map");
        }
        assertThat(SERVED.get()).isGreaterThanOrEqualTo(4);
    }

    private static HttpServer tileServer() {
        try {
            BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 256; x++) {
                for (int y = 0; y < 256; y++) {
                    image.setRGB(x, y, x == 0 || y == 0 ? 0x9e9e9e : 0xe8f0e0);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            byte[] tile = png.toByteArray();
            HttpServer tiles = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            tiles.createContext("/vec/", exchange -> {
                SERVED.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, tile.length);
                exchange.getResponseBody().write(tile);
                exchange.close();
            });
            tiles.start();
            return tiles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
