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

/** An answer carrying one entry, with its version as ETag: what a client sends back as If-Match to change it. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "200", description = "The entry; its ETag is its version",
        headers = @Header(name = HttpHeaders.ETAG, description = "The entry's version, for If-Match", required = true, schema = @Schema(type = "string")))
public @interface Versioned {
}
