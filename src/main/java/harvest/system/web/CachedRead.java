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

/**
 * A GET whose answer follows from the data alone (see {@link ReadCache}): cached per caller until the data version
 * changes, with an ETag the app's polling sends back as If-None-Match.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "200", description = "The answer as of the data version in its ETag",
        headers = @Header(name = HttpHeaders.ETAG, description = "The data version the answer was made at", required = true, schema = @Schema(type = "string")))
@ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent as If-None-Match",
        headers = @Header(name = HttpHeaders.ETAG, description = "The data version the answer was made at", schema = @Schema(type = "string")))
public @interface CachedRead {
    /** The answer also moves with the clock (today's report is "as of now"): it is kept for at most a minute. */
    boolean asOfNow() default false;
}
