package harvest.ledger.sheet;

import harvest.ledger.LedgerKind;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.Optional;

/**
 * A scenario bundle: ledger files named after their ledger ({@code fields.csv}, {@code machines.xlsx}, ...).
 * Other files (a forecast, notes) are listed as ignored. Zip archives are inflated under hard limits so that a
 * small upload cannot expand into gigabytes.
 */
public final class LedgerBundle {
    static final int MAX_ENTRIES = 100;
    static final long MAX_INFLATED_BYTES = 64L * 1024 * 1024;

    private final Map<LedgerKind, Sheet> sheets = new EnumMap<>(LedgerKind.class);
    private final List<String> ignored = new ArrayList<>();

    public Map<LedgerKind, Sheet> sheets() {
        return sheets;
    }

    public List<String> ignored() {
        return ignored;
    }

    /** Adds one file of the bundle; a name that is not a ledger is remembered as ignored. */
    public void add(String path, byte[] content) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        var kind = dot < 0 ? Optional.<LedgerKind>empty() : LedgerKind.ofFileName(name.substring(0, dot));
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (kind.isEmpty() || !(lower.endsWith(".csv") || lower.endsWith(".xlsx"))) {
            ignored.add(path);
            return;
        }
        if (sheets.containsKey(kind.get())) {
            throw new ProblemException(ProblemType.UNREADABLE_FILE, "The bundle holds the " + kind.get().fileName() + " ledger twice");
        }
        sheets.put(kind.get(), SheetFormat.ofFileName(name) == SheetFormat.XLSX ? XlsxSheets.read(content) : CsvSheets.read(content));
    }

    public static LedgerBundle ofZip(byte[] zip) {
        LedgerBundle bundle = new LedgerBundle();
        long inflated = 0;
        int entries = 0;
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw unreadable("more than " + MAX_ENTRIES + " files");
                }
                if (entry.isDirectory() || entry.getName().contains("__MACOSX")) {
                    continue;
                }
                byte[] content = readLimited(in, MAX_INFLATED_BYTES - inflated);
                inflated += content.length;
                bundle.add(entry.getName(), content);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable("it is not a valid zip archive (" + e.getMessage() + ")");
        }
        if (entries == 0) {
            throw unreadable("it is empty or not a zip archive");
        }
        return bundle;
    }

    private static byte[] readLimited(InputStream in, long budget) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > budget) {
                throw unreadable("it inflates beyond " + MAX_INFLATED_BYTES / (1024 * 1024) + " MB");
            }
        }
        return out.toByteArray();
    }

    private static ProblemException unreadable(String why) {
        return new ProblemException(ProblemType.UNREADABLE_FILE, "The bundle was refused: " + why);
    }
}
