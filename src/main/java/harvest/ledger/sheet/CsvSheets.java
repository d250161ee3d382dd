package harvest.ledger.sheet;

import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CSV ledgers are UTF-8 with a header row; Excel's byte-order mark is accepted on the way in and written on the way out. */
public final class CsvSheets {
    private static final char BOM = '\uFEFF';

    private CsvSheets() {
    }

    public static Sheet read(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var reader = new InputStreamReader(new ByteArrayInputStream(bytes), decoder);
             CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(reader)) {
            List<Sheet.Row> rows = new ArrayList<>();
            List<String> headers = null;
            // A record starts on the line after the previous one ended: blank lines and cells quoted across
            // lines still give the line number a spreadsheet shows.
            int line = 1;
            for (CSVRecord record : parser) {
                int startLine = line;
                line = (int) parser.getCurrentLineNumber() + 1;
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (headers == null) {
                    headers = record.stream().map(CsvSheets::header).toList();
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < Math.min(headers.size(), record.size()); i++) {
                    cells.put(headers.get(i), record.get(i));
                }
                String defect = record.size() > headers.size()
                        ? "has " + record.size() + " cells but the header has " + headers.size()
                        : null;
                rows.add(new Sheet.Row(startLine, cells, defect));
            }
            if (headers == null) {
                throw new ProblemException(ProblemType.UNREADABLE_FILE, "The CSV file is empty; it needs a header row");
            }
            return new Sheet(headers, rows);
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemType.UNREADABLE_FILE, "The CSV file is not UTF-8; save it from Excel as 'CSV UTF-8'");
        } catch (IOException | UncheckedIOException e) {
            throw new ProblemException(ProblemType.UNREADABLE_FILE, "The CSV file could not be parsed: " + e.getMessage());
        }
    }

    public static byte[] write(List<String> headers, List<List<String>> rows) {
        var bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = CSVFormat.RFC4180.print(writer)) {
            writer.write(BOM);
            printer.printRecord(headers);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String header(String raw) {
        return raw.replace(String.valueOf(BOM), "").strip();
    }
}
