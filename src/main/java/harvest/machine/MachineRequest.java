package harvest.machine;

import harvest.system.era.InServiceEra;
import harvest.ledger.Crops;
import harvest.ledger.Codes;
import harvest.ledger.LedgerEntity;
import harvest.ledger.LedgerRequest;
import harvest.system.phone.Phone;
import harvest.system.problem.Problem;
import harvest.system.phone.PhoneNumbers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

@Serdeable
record MachineRequest(
        @NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE) String code,
        @NotNull MachineKind kind,
        @Nullable @Size(max = 20) String plate,
        @Nullable @Size(max = 50) String model,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal capacityMuPerHour,
        @NotEmpty @Size(max = 10) List<@NotBlank @Pattern(regexp = Crops.PATTERN, message = Crops.MESSAGE) String> crops,
        @Nullable @Size(max = 100) String operatorName,
        @Nullable @Phone String operatorPhone,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double baseLat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double baseLon,
        @NotBlank @Size(max = 100) @Schema(description = "LOCAL, or the county a borrowed machine comes from") String origin,
        @Nullable @InServiceEra OffsetDateTime availableFrom,
        @Nullable @InServiceEra OffsetDateTime availableUntil,
        @Nullable Long version) implements LedgerRequest<Machine> {

    @Override
    public List<Problem.Violation> inconsistencies() {
        return availableFrom != null && availableUntil != null && !availableUntil.isAfter(availableFrom)
                ? List.of(Problem.Violation.of("availableUntil", "must be after availableFrom"))
                : List.of();
    }

    @Override
    public Machine toEntity(@Nullable Machine existing) {
        return new Machine(LedgerEntity.idOf(existing), code, kind, plate, model, capacityMuPerHour.setScale(2),
                crops.stream().distinct().toList(), operatorName, PhoneNumbers.toE164(operatorPhone), baseLat, baseLon,
                origin.strip(), availableFrom == null ? null : availableFrom.toInstant(),
                availableUntil == null ? null : availableUntil.toInstant(), LedgerEntity.versionOf(existing), LedgerEntity.retiredAtOf(existing));
    }
}
