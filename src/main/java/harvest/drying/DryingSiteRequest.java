package harvest.drying;

import harvest.ledger.Codes;
import harvest.ledger.LedgerEntity;
import harvest.ledger.LedgerKind;
import harvest.ledger.LedgerRequest;
import harvest.system.phone.Phone;
import harvest.system.phone.PhoneNumbers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

@Serdeable
record DryingSiteRequest(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull DryingKind kind,
        @NotBlank String communityCode,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("5000") @Digits(integer = 6, fraction = 1) BigDecimal capacityTonnesPerDay,
        @Nullable @Schema(description = "Defaults to false for YARD, true otherwise") Boolean rainUsable,
        @Nullable @Size(max = 100) String contactName,
        @Nullable @Phone String contactPhone,
        @Nullable Long version) implements LedgerRequest<DryingSite> {

    @Override
    public DryingSite toEntity(@Nullable DryingSite existing) {
        boolean usableInRain = rainUsable != null ? rainUsable : kind != DryingKind.YARD;
        return new DryingSite(LedgerEntity.idOf(existing), code, name.strip(), kind, communityCode, lat, lon,
                capacityTonnesPerDay.setScale(1), usableInRain, contactName, PhoneNumbers.toE164(contactPhone),
                LedgerEntity.versionOf(existing), LedgerEntity.retiredAtOf(existing));
    }

    @Override
    public List<Reference> references() {
        return List.of(new Reference("communityCode", LedgerKind.COMMUNITIES, communityCode));
    }
}
