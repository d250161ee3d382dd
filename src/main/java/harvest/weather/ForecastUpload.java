package harvest.weather;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A forecast bundle as DESIGN.md defines it ({@code forecast.json}). Times are text so that a time without
 * an offset is reported with the other bad entries rather than failing the whole body.
 */
@Serdeable
public record ForecastUpload(
        @NotBlank @Size(max = 100) String source,
        @NotBlank @Schema(description = "ISO-8601 with offset", example = "2023-05-27T18:00:00+08:00") String issuedAt,
        @NotEmpty @Size(max = 5000) List<@NotNull @Valid Series> series) {

    @Serdeable
    public record Series(
            @NotBlank String communityCode,
            @NotEmpty @Size(max = 24 * 62) List<@NotNull @Valid Hour> hourly) {
    }

    @Serdeable
    public record Hour(
            @NotBlank @Schema(description = "Start of the hour, ISO-8601 with offset", example = "2023-05-28T06:00:00+08:00") String time,
            @NotNull @DecimalMin("0") @DecimalMax("500") @Digits(integer = 3, fraction = 2) Double precipitationMm,
            @NotNull @Min(0) @Max(100) Integer probabilityPct,
            @Nullable @DecimalMin("-60") @DecimalMax("60") @Digits(integer = 2, fraction = 1) Double temperatureC,
            @Nullable @Min(0) @Max(100) Integer humidityPct,
            @Nullable @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1) Double windSpeedMs) {
    }
}
