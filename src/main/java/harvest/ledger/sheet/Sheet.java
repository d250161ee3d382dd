package harvest.ledger.sheet;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/** A ledger file read into text: its header row and its data rows, each keyed by header. */
public record Sheet(List<String> headers, List<Row> rows) {

    /**
     * A data row; {@code line} counts the header as line 1, as a spreadsheet user sees it. {@code defect} says
     * what is wrong with the row's shape (more cells than headers), if anything.
     */
    public record Row(int line, Map<String, String> cells, @Nullable String defect) {
    }
}
