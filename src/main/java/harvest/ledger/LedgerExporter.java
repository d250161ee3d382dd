package harvest.ledger;

import harvest.ledger.sheet.CsvSheets;
import harvest.ledger.sheet.FormulaGuard;
import harvest.ledger.sheet.SheetFormat;
import harvest.ledger.sheet.XlsxSheets;
import harvest.system.DistrictTime;
import io.micronaut.core.beans.BeanWrapper;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a ledger in the same columns it is imported from, so an export can be edited and imported back. */
@Singleton
public class LedgerExporter {
    private final Map<LedgerKind, Ledger<?, ?>> ledgers = new EnumMap<>(LedgerKind.class);

    public LedgerExporter(List<Ledger<?, ?>> all) {
        all.forEach(ledger -> ledgers.put(ledger.kind(), ledger));
    }

    public byte[] export(LedgerKind kind, SheetFormat format, boolean includeRetired) {
        Ledger<?, ?> ledger = ledgers.get(kind);
        List<String> headers = ledger.columns().stream().map(LedgerColumn::header).toList();
        List<List<String>> rows = ledger.all(includeRetired).stream()
                .map(entity -> ledger.columns().stream().map(column -> cell(entity, column.property())).toList())
                .toList();
        return format == SheetFormat.XLSX ? XlsxSheets.write(kind.fileName(), headers, rows) : CsvSheets.write(headers, rows);
    }

    private static String cell(Object entity, String property) {
        Object value = BeanWrapper.getWrapper(entity).getProperty(property, Object.class).orElse(null);
        return switch (value) {
            case null -> "";
            case Instant instant -> DistrictTime.local(instant).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case BigDecimal number -> number.stripTrailingZeros().toPlainString();
            case Number number -> number.toString();
            case Collection<?> items -> FormulaGuard.neutralise(items.stream().map(Object::toString).collect(Collectors.joining(";")));
            default -> FormulaGuard.neutralise(value.toString());
        };
    }
}
