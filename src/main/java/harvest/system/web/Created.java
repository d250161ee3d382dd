package harvest.system.web;

import io.micronaut.http.HttpHeaders;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A POST that answers 201 with the new resource's URL in Location, which generated clients then expose. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "201", description = "Created",
        headers = @Header(name = HttpHeaders.LOCATION, description = "The URL of what was created", required = true, schema = @Schema(type = "string", format = "uri-reference")))
public @interface Created {
}
