package harvest.board;

import harvest.system.Roles;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The dispatcher's board is static files (resources/board, served at /board/); this answers the two things a
 * static file cannot: the bare address (/board, /board/), and what the page reads before it draws: the map
 * settings and the district's today (the service's clock, which a drill sets to its season, not the browser's).
 * Both are the page's own, not the API's, so they stay out of the contract.
 */
@Hidden
@Controller("/board")
class BoardController {
    private final BoardSettings settings;
    private final Clock clock;

    BoardController(BoardSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> page() {
        return HttpResponse.seeOther(URI.create("/board/index.html"));
    }

    /** For staff only, and kept by no cache: the tile URL may carry the bureau's key. */
    @Get("/settings")
    @Secured(Roles.VIEWER)
    HttpResponse<PageSettings> settings() {
        return HttpResponse.ok(new PageSettings(LocalDate.now(clock), settings.getTileUrl(), settings.getTileAttribution(),
                settings.getTileSubdomains())).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Serdeable
    record PageSettings(LocalDate today, String tileUrl, String tileAttribution, String tileSubdomains) {
    }
}
