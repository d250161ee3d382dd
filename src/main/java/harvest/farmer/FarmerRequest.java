package harvest.farmer;

import harvest.ledger.Codes;
import harvest.ledger.LedgerEntity;
import harvest.ledger.LedgerKind;
import harvest.ledger.LedgerRequest;
import harvest.system.phone.Phone;
import harvest.system.phone.PhoneNumbers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Objects;

@Serdeable
record FarmerRequest(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotBlank @Size(max = 100) String name,
        @Nullable @Phone String phone,
        @NotBlank String communityCode,
        @Nullable Boolean laborShort,
        @Nullable Boolean elderly,
        @Nullable @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") @Schema(defaultValue = "zh-CN") String language,
        @Nullable Long version) implements LedgerRequest<Farmer> {

    /** The SMS opt-out belongs to the farmer's own replies, so a re-imported ledger never resets it. */
    @Override
    public Farmer toEntity(@Nullable Farmer existing) {
        return new Farmer(LedgerEntity.idOf(existing), code, name.strip(), PhoneNumbers.toE164(phone), communityCode,
                Boolean.TRUE.equals(laborShort), Boolean.TRUE.equals(elderly), Objects.requireNonNullElse(language, "zh-CN"),
                existing == null ? null : existing.smsOptedOutAt(), LedgerEntity.versionOf(existing), LedgerEntity.retiredAtOf(existing));
    }

    @Override
    public List<Reference> references() {
        return List.of(new Reference("communityCode", LedgerKind.COMMUNITIES, communityCode));
    }
}
