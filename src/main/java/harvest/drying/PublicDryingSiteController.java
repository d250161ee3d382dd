package harvest.drying;

import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemResponses;
import harvest.system.problem.TooManyRequests;
import harvest.system.problem.ProblemType;
import harvest.system.web.ClientAddresses;
import harvest.system.web.RateLimiter;
import harvest.system.web.RateLimits;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Duration;

/**
 * The drying sites' usage for farmers and the mobile app (场地使用动态), open to anyone: read-only, without contact
 * numbers, cached, and limited per client address so that polling apps cannot load the database.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/v1/public/drying-sites")
@Tag(name = "drying-sites")
@ProblemResponses
class PublicDryingSiteController {
    private final PublicBoard board;
    private final ClientAddresses addresses;
    private final RateLimiter limiter;
    private final int perMinute;
    private final String cacheControl;

    public PublicDryingSiteController(PublicBoard board, ClientAddresses addresses, RateLimits limits, DryingSettings settings) {
        this.board = board;
        this.addresses = addresses;
        this.perMinute = settings.getPublicRateLimit();
        this.limiter = limits.limiter("public-drying-board", perMinute, Duration.ofMinutes(1));
        this.cacheControl = "public, max-age=" + settings.getPublicCacheTtl().toSeconds();
    }

    @Get
    @Operation(operationId = "listPublicDryingSites", summary = "Every active drying site's state and room left today, as of a moment at most the cache time ago")
    @ApiResponse(responseCode = "200", description = "The board", headers = @Header(name = HttpHeaders.CACHE_CONTROL, schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicDryingSites.class)))
    @TooManyRequests
    public HttpResponse<PublicDryingSites> list(HttpRequest<?> request) {
        String client = addresses.limitKey(request);
        limiter.take(client).ifPresent(wait -> {
            throw new ProblemException(ProblemType.RATE_LIMITED, "more than " + perMinute + " requests a minute from " + client
                    + "; retry in " + seconds(wait) + " s").retryAfter(seconds(wait));
        });
        return HttpResponse.ok(board.current()).header(HttpHeaders.CACHE_CONTROL, cacheControl);
    }

    /** Whole seconds, rounded up: retrying a moment early would only be refused again. */
    private static int seconds(Duration wait) {
        return (int) Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
