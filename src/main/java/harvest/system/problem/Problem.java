package harvest.system.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem document; {@code errors} names each offending field or ledger cell. */
@Serdeable
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Stable URI identifying the kind of problem") String type,
        String title,
        int status,
        @Nullable String detail,
        @Nullable String instance,
        @Nullable List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One thing wrong with the input: a JSON property, a query parameter, or a cell of an imported ledger. */
    @Serdeable
    @Schema(name = "Violation")
    public record Violation(
            @Nullable @Schema(description = "Ledger kind, for import errors") String ledger,
            @Nullable @Schema(description = "1-based line of the ledger file, the header being line 1") Integer line,
            @Schema(description = "Property, parameter or ledger column") String field,
            String message) {

        public static Violation of(String field, String message) {
            return new Violation(null, null, field, message);
        }
    }
}
