package harvest.ledger.sheet;

import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;

import java.util.Locale;

public enum SheetFormat {
    CSV("text/csv", ".csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");

    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String mediaType;
    private final String extension;

    SheetFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static SheetFormat ofMediaType(@Nullable MediaType type) {
        if (type != null && type.getName().equalsIgnoreCase(XLSX_TYPE)) {
            return XLSX;
        }
        if (type != null && type.getName().equalsIgnoreCase(CSV_TYPE)) {
            return CSV;
        }
        throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send " + CSV_TYPE + " or " + XLSX_TYPE);
    }

    public static SheetFormat ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (SheetFormat format : values()) {
            if (lower.endsWith(format.extension)) {
                return format;
            }
        }
        throw new ProblemException(ProblemType.UNREADABLE_FILE, "'" + name + "' is neither .csv nor .xlsx");
    }

    public static SheetFormat ofParameter(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("format", "must be csv or xlsx");
        }
    }
}
