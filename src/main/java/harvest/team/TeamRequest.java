package harvest.team;

import harvest.ledger.Codes;
import harvest.ledger.LedgerEntity;
import harvest.ledger.LedgerKind;
import harvest.ledger.LedgerRequest;
import harvest.system.phone.Phone;
import harvest.system.phone.PhoneNumbers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

@Serdeable
record TeamRequest(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotBlank @Size(max = 100) String name,
        @NotNull TeamKind kind,
        @NotBlank @Size(max = 100) String leaderName,
        @NotBlank @Phone String leaderPhone,
        @NotNull @Min(1) @Max(500) Integer members,
        @NotBlank String communityCode,
        @Nullable Long version) implements LedgerRequest<Team> {

    @Override
    public Team toEntity(@Nullable Team existing) {
        return new Team(LedgerEntity.idOf(existing), code, name.strip(), kind, leaderName.strip(),
                PhoneNumbers.toE164(leaderPhone), members, communityCode, LedgerEntity.versionOf(existing), LedgerEntity.retiredAtOf(existing));
    }

    @Override
    public List<Reference> references() {
        return List.of(new Reference("communityCode", LedgerKind.COMMUNITIES, communityCode));
    }
}
