package harvest.community;

import harvest.ledger.Codes;
import harvest.ledger.LedgerEntity;
import harvest.ledger.LedgerRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Serdeable
record CommunityRequest(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 100) String street,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
        @Nullable Long version) implements LedgerRequest<Community> {

    @Override
    public Community toEntity(@Nullable Community existing) {
        return new Community(LedgerEntity.idOf(existing), code, name.strip(), street.strip(), lat, lon,
                LedgerEntity.versionOf(existing), LedgerEntity.retiredAtOf(existing));
    }
}
