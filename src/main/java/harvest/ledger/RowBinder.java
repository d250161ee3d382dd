package harvest.ledger;

import harvest.ledger.sheet.FormulaGuard;
import harvest.ledger.sheet.Sheet;
import harvest.system.problem.Problem;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.type.Argument;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads ledger rows into the same request records the REST API takes, and validates them with the same rules,
 * reporting every bad cell by line and column.
 */
final class RowBinder<R extends LedgerRequest<?>> {
    private static final Set<String> TRUE = Set.of("true", "是", "yes", "y", "1");
    private static final Set<String> FALSE = Set.of("false", "否", "no", "n", "0");

    private final LedgerKind kind;
    private final BeanIntrospection<R> introspection;
    private final Validator validator;
    private final Map<String, LedgerColumn> columnByProperty = new HashMap<>();
    private final Map<String, String> headerByColumn = new HashMap<>();

    RowBinder(Ledger<?, ?> ledger, Class<R> requestType, List<String> headers, Validator validator) {
        this.kind = ledger.kind();
        this.introspection = BeanIntrospection.getIntrospection(requestType);
        this.validator = validator;
        for (LedgerColumn column : ledger.columns()) {
            columnByProperty.put(column.property(), column);
            headers.stream().filter(column::answersTo).findFirst()
                    .ifPresent(header -> headerByColumn.put(column.header(), header));
        }
    }

    /** Required columns the file lacks; reported once, on the header line. */
    List<Problem.Violation> missingColumns() {
        List<Problem.Violation> missing = new ArrayList<>();
        for (Argument<?> argument : introspection.getConstructorArguments()) {
            LedgerColumn column = columnByProperty.get(argument.getName());
            if (column != null && !headerByColumn.containsKey(column.header()) && !argument.isNullable()) {
                missing.add(violation(1, column.header(), "required column is missing (also accepted: " + column.aliases() + ")"));
            }
        }
        return missing;
    }

    Bound<R> bind(Sheet.Row row) {
        List<Problem.Violation> errors = new ArrayList<>();
        if (row.defect() != null) {
            errors.add(violation(row.line(), "", "the line " + row.defect()));
        }
        Argument<?>[] arguments = introspection.getConstructorArguments();
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            LedgerColumn column = columnByProperty.get(arguments[i].getName());
            if (column == null) {
                continue;
            }
            String raw = Optional.ofNullable(headerByColumn.get(column.header())).map(row.cells()::get).orElse("").strip();
            if (raw.isEmpty()) {
                continue;
            }
            try {
                values[i] = convert(FormulaGuard.restore(raw), arguments[i]);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                errors.add(violation(row.line(), column.header(), reasonFor(arguments[i], raw)));
            }
        }
        for (int i = 0; i < arguments.length; i++) {
            LedgerColumn column = columnByProperty.get(arguments[i].getName());
            if (values[i] == null && column != null && !arguments[i].isNullable()
                    && errors.stream().noneMatch(e -> e.field().equals(column.header()))) {
                errors.add(violation(row.line(), column.header(), "is required"));
            }
        }
        if (!errors.isEmpty()) {
            return new Bound<>(row.line(), null, errors);
        }
        R request = introspection.instantiate(values);
        for (ConstraintViolation<R> v : validator.validate(request)) {
            errors.add(violation(row.line(), headerOf(v.getPropertyPath().iterator().next().getName()), v.getMessage()));
        }
        for (Problem.Violation v : request.inconsistencies()) {
            errors.add(violation(row.line(), headerOf(v.field()), v.message()));
        }
        return new Bound<>(row.line(), errors.isEmpty() ? request : null, errors);
    }

    Problem.Violation violation(int line, String column, String message) {
        return new Problem.Violation(kind.fileName(), line, column, message);
    }

    String headerOf(String property) {
        LedgerColumn column = columnByProperty.get(property);
        return column == null ? property : column.header();
    }

    private static Object convert(String raw, Argument<?> argument) {
        Class<?> type = argument.getType();
        if (type == String.class) {
            return raw;
        }
        if (type == Double.class) {
            return Double.valueOf(raw);
        }
        if (type == Integer.class) {
            return Integer.valueOf(raw);
        }
        if (type == BigDecimal.class) {
            return new BigDecimal(raw);
        }
        if (type == Boolean.class) {
            String lower = raw.toLowerCase(Locale.ROOT);
            if (TRUE.contains(lower)) {
                return true;
            }
            if (FALSE.contains(lower)) {
                return false;
            }
            throw new IllegalArgumentException(raw);
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(raw);
        }
        if (type.isEnum()) {
            return enumValue(type, raw);
        }
        if (type == List.class) {
            Argument<?> element = argument.getFirstTypeVariable().orElse(Argument.STRING);
            return Arrays.stream(raw.split("[;；]")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(item -> element.getType().isEnum() ? enumValue(element.getType(), item) : item)
                    .toList();
        }
        throw new IllegalStateException("No ledger conversion for " + type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String raw) {
        return Enum.valueOf((Class<Enum>) type, raw.toUpperCase(Locale.ROOT));
    }

    private static String reasonFor(Argument<?> argument, String raw) {
        Class<?> type = argument.getType();
        if (type == OffsetDateTime.class) {
            return "'" + raw + "' is not an ISO-8601 time with offset, e.g. 2023-05-28T08:00:00+08:00";
        }
        if (type == Boolean.class) {
            return "'" + raw + "' is not true/false (是/否)";
        }
        if (type.isEnum() || type == List.class) {
            Class<?> enumType = type.isEnum() ? type : argument.getFirstTypeVariable().<Class<?>>map(Argument::getType).orElse(type);
            return "'" + raw + "' is not one of " + Arrays.toString(enumType.getEnumConstants());
        }
        return "'" + raw + "' is not a number";
    }

    /** A row read into a request, or the reasons it could not be. */
    record Bound<R>(int line, R request, List<Problem.Violation> errors) {
    }
}
