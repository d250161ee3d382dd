package harvest.weather.pull;

import harvest.system.Roles;
import harvest.system.problem.ProblemResponses;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

@Secured(Roles.DISPATCHER)
@SecurityRequirement(name = "bearer")
@Controller("/api/v1/weather/pulls")
@Tag(name = "weather")
@ProblemResponses
class PullController {
    private final ForecastPuller puller;

    public PullController(ForecastPuller puller) {
        this.puller = puller;
    }

    @Post
    @Operation(operationId = "pullForecast", summary = "Pull a forecast from the provider now, as the schedule would")
    public PullOutcome pull() {
        return puller.pull();
    }
}
