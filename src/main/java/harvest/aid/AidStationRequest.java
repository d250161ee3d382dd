package harvest.aid;

import harvest.ledger.Codes;
import harvest.ledger.LedgerEntity;
import harvest.ledger.LedgerKind;
import harvest.ledger.LedgerRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

@Serdeable
record AidStationRequest(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotBlank @Size(max = 100) String name,
        @NotBlank String communityCode,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
        @NotEmpty List<@NotNull AidOffer> offers,
        @Nullable Long version) implements LedgerRequest<AidStation> {

    @Override
    public AidStation toEntity(@Nullable AidStation existing) {
        return new AidStation(LedgerEntity.idOf(existing), code, name.strip(), communityCode, lat, lon,
                offers.stream().distinct().map(AidOffer::name).toList(), LedgerEntity.versionOf(existing), LedgerEntity.retiredAtOf(existing));
    }

    @Override
    public List<Reference> references() {
        return List.of(new Reference("communityCode", LedgerKind.COMMUNITIES, communityCode));
    }
}
