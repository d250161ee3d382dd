package harvest.ledger.sheet;

import harvest.system.DistrictTime;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The first worksheet of an XLSX workbook, read as text the same way a CSV ledger is. */
public final class XlsxSheets {
    private static final int MAX_ROWS = 200_000;

    static {
        // A workbook is a zip: refuse entries that inflate suspiciously well or grow too large (zip bombs).
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
    }

    private XlsxSheets() {
    }

    public static Sheet read(byte[] bytes) {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new ProblemException(ProblemType.UNREADABLE_FILE, "The workbook has no worksheet");
            }
            XSSFSheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new ProblemException(ProblemType.UNREADABLE_FILE, "The worksheet has more than " + MAX_ROWS + " rows");
            }
            List<String> headers = null;
            List<Sheet.Row> rows = new ArrayList<>();
            for (Row row : sheet) {
                if (headers == null) {
                    headers = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        headers.add(text(row.getCell(c)).strip());
                    }
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean blank = true;
                for (int c = 0; c < headers.size(); c++) {
                    String value = text(row.getCell(c));
                    blank &= value.isBlank();
                    cells.put(headers.get(c), value);
                }
                if (!blank) {
                    rows.add(new Sheet.Row(row.getRowNum() + 1, cells, null));
                }
            }
            if (headers == null) {
                throw new ProblemException(ProblemType.UNREADABLE_FILE, "The worksheet is empty; it needs a header row");
            }
            return new Sheet(List.copyOf(headers), rows);
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ProblemException(ProblemType.UNREADABLE_FILE, "The XLSX file could not be read: " + e.getMessage());
        }
    }

    public static byte[] write(String sheetName, List<String> headers, List<List<String>> rows) {
        try (var workbook = new SXSSFWorkbook(100)) {
            var sheet = workbook.createSheet(sheetName);
            writeRow(sheet.createRow(0), headers);
            for (int r = 0; r < rows.size(); r++) {
                writeRow(sheet.createRow(r + 1), rows.get(r));
            }
            var bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            workbook.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRow(Row row, List<String> values) {
        for (int c = 0; c < values.size(); c++) {
            row.createCell(c, CellType.STRING).setCellValue(values.get(c));
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    // Excel dates carry no zone: they are the district's wall-clock time.
                    ? cell.getLocalDateTimeCellValue().atZone(DistrictTime.ZONE).toOffsetDateTime().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            default -> "";
        };
    }
}
