package harvest.planning;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A plan asked for and solved in the background: 202 with the plan to poll at its Location. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "202", description = "Queued; poll the Location until the plan is SOLVED or FAILED",
        headers = @Header(name = HttpHeaders.LOCATION, description = "The plan's URL", required = true, schema = @Schema(type = "string", format = "uri-reference")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Plan.class)))
@interface Queued {
}
