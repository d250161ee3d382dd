package harvest.ledger;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What an import wrote, or with {@code dryRun} would have written. */
@Serdeable
public record ImportReport(boolean dryRun, List<LedgerCount> ledgers, List<String> ignoredFiles) {

    @Serdeable
    public record LedgerCount(String ledger, int rows, int created, int updated, int unchanged, List<String> ignoredColumns) {
    }
}
