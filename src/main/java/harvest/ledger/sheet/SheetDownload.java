package harvest.ledger.sheet;

import io.micronaut.http.HttpHeaders;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sheet answered as a file, CSV or XLSX as the format parameter asks. Declared binary, as the method's byte[] would
 * otherwise be declared base64 (format: byte) and generated clients would decode the file as a JSON string.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "200", description = "The file, named in Content-Disposition",
        headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "attachment; filename=\"...\"", required = true, schema = @Schema(type = "string")),
        content = {
                @Content(mediaType = SheetFormat.CSV_TYPE, schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = SheetFormat.XLSX_TYPE, schema = @Schema(type = "string", format = "binary"))
        })
public @interface SheetDownload {
}
