package harvest.field;

import harvest.system.era.InServiceEra;
import harvest.ledger.Crops;
import harvest.ledger.Codes;
import harvest.ledger.LedgerEntity;
import harvest.ledger.LedgerKind;
import harvest.ledger.LedgerRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

@Serdeable
record FieldRequest(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotBlank String farmerCode,
        @NotBlank String communityCode,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Pattern(regexp = Crops.PATTERN, message = Crops.MESSAGE) String crop,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000") @Digits(integer = 5, fraction = 2) BigDecimal areaMu,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
        @NotNull @InServiceEra OffsetDateTime ripeFrom,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("2000") @Digits(integer = 4, fraction = 1) BigDecimal expectedYieldKgPerMu,
        @Nullable Long version) implements LedgerRequest<Field> {

    /** A new field starts REGISTERED; an existing one keeps where it is in its season and what was sown after it. */
    @Override
    public Field toEntity(@Nullable Field existing) {
        return new Field(LedgerEntity.idOf(existing), code, farmerCode, communityCode, name.strip(), crop, areaMu.setScale(2), lat, lon,
                ripeFrom.toInstant(), expectedYieldKgPerMu.setScale(1), existing == null ? FieldStatus.REGISTERED : existing.status(),
                existing == null ? null : existing.nextCrop(), LedgerEntity.versionOf(existing), LedgerEntity.retiredAtOf(existing));
    }

    @Override
    public List<Reference> references() {
        return List.of(new Reference("farmerCode", LedgerKind.FARMERS, farmerCode),
                new Reference("communityCode", LedgerKind.COMMUNITIES, communityCode));
    }
}
