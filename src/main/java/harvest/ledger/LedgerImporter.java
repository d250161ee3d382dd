package harvest.ledger;

import harvest.ledger.sheet.Sheet;
import harvest.system.problem.DataAccessProblemHandler;
import harvest.system.problem.Problem;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Imports ledger files all-or-nothing: the ledgers are written in dependency order inside one transaction, so
 * a field may refer to a farmer in the same bundle; any bad row anywhere rolls everything back and every bad
 * row is reported. A dry run does the same work and always rolls back.
 */
@Singleton
public class LedgerImporter {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerImporter.class);

    private final Map<LedgerKind, Ledger<?, ?>> ledgers = new EnumMap<>(LedgerKind.class);
    private final ActiveCodes activeCodes;
    private final Validator validator;
    private final TransactionOperations<Connection> transactions;
    private final MeterRegistry meters;

    public LedgerImporter(List<Ledger<?, ?>> all, ActiveCodes activeCodes, Validator validator,
                          TransactionOperations<Connection> transactions, MeterRegistry meters) {
        this.meters = meters;
        all.forEach(ledger -> ledgers.put(ledger.kind(), ledger));
        this.activeCodes = activeCodes;
        this.validator = validator;
        this.transactions = transactions;
    }

    public ImportReport importSheets(Map<LedgerKind, Sheet> sheets, List<String> ignoredFiles, boolean dryRun) {
        long started = System.nanoTime();
        SortedMap<LedgerKind, Sheet> ordered = new TreeMap<>(sheets);
        List<Problem.Violation> errors = new ArrayList<>();
        ImportReport report = transactions.executeWrite(status -> {
            Map<LedgerKind, Set<String>> known = new EnumMap<>(LedgerKind.class);
            List<ImportReport.LedgerCount> counts = new ArrayList<>();
            for (var entry : ordered.entrySet()) {
                try {
                    counts.add(importSheet(ledgers.get(entry.getKey()), entry.getValue(), known, errors));
                } catch (DataAccessException e) {
                    // A concurrent change is a conflict (409); a rule stricter in the database than in validation is
                    // the file's fault. Either way the transaction cannot go on.
                    ProblemException problem = DataAccessProblemHandler.translate(e);
                    if (problem.type() != ProblemType.VALIDATION) {
                        throw problem;
                    }
                    errors.add(new Problem.Violation(entry.getKey().fileName(), 1, "", problem.getMessage()));
                    break;
                }
            }
            if (dryRun || !errors.isEmpty()) {
                status.setRollbackOnly();
            }
            return new ImportReport(dryRun, counts, ignoredFiles);
        });
        String outcome = !errors.isEmpty() ? "rejected" : dryRun ? "dry-run" : "committed";
        meters.counter("harvest.ledger.imports", "outcome", outcome).increment();
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing((Problem.Violation v) -> LedgerKind.ofFileName(v.ledger()).orElseThrow())
                    .thenComparing(Problem.Violation::line));
            throw new ProblemException(ProblemType.IMPORT_REJECTED, errors.size() + " bad row(s); nothing was written", errors);
        }
        LOG.info("Imported {} (dryRun={}) in {} ms", report.ledgers(), dryRun, (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    private <E extends LedgerEntity, R extends LedgerRequest<E>> ImportReport.LedgerCount importSheet(
            Ledger<E, R> ledger, Sheet sheet, Map<LedgerKind, Set<String>> known, List<Problem.Violation> errors) {
        RowBinder<R> binder = new RowBinder<>(ledger, ledger.requestType(), sheet.headers(), validator);
        List<Problem.Violation> missing = binder.missingColumns();
        if (!missing.isEmpty()) {
            errors.addAll(missing);
            return new ImportReport.LedgerCount(ledger.kind().fileName(), sheet.rows().size(), 0, 0, 0, List.of());
        }
        Map<String, R> valid = new LinkedHashMap<>();
        Map<String, Integer> lineOfCode = new HashMap<>();
        for (Sheet.Row row : sheet.rows()) {
            RowBinder.Bound<R> bound = binder.bind(row);
            errors.addAll(bound.errors());
            if (bound.request() == null) {
                continue;
            }
            R request = bound.request();
            Integer earlier = lineOfCode.putIfAbsent(request.code(), row.line());
            if (earlier != null) {
                errors.add(binder.violation(row.line(), "code", "'" + request.code() + "' is already on line " + earlier));
                continue;
            }
            List<Problem.Violation> unknown = ledger.missingReferences(request, reference ->
                    known.computeIfAbsent(reference.kind(), activeCodes::of).contains(reference.code()));
            unknown.forEach(v -> errors.add(binder.violation(row.line(), binder.headerOf(v.field()), v.message())));
            if (unknown.isEmpty()) {
                valid.put(request.code(), request);
            }
        }
        Ledger.Upserted written = ledger.upsert(valid.values());
        return new ImportReport.LedgerCount(ledger.kind().fileName(), sheet.rows().size(), written.created(),
                written.updated(), written.unchanged(), ignoredColumns(ledger, sheet.headers()));
    }

    private static List<String> ignoredColumns(Ledger<?, ?> ledger, List<String> headers) {
        return headers.stream()
                .filter(header -> ledger.columns().stream().noneMatch(column -> column.answersTo(header)))
                .toList();
    }
}
