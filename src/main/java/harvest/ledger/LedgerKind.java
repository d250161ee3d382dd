package harvest.ledger;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seven ledgers a bureau keeps, in the order a bundle is imported: every ledger refers only to
 * ledgers above it.
 */
public enum LedgerKind {
    COMMUNITIES("communities", "community"),
    FARMERS("farmers", "farmer"),
    FIELDS("fields", "field"),
    MACHINES("machines", "machine"),
    DRYING_SITES("drying_sites", "drying_site"),
    TEAMS("teams", "team"),
    AID_STATIONS("aid_stations", "aid_station");

    private final String fileName;
    private final String table;

    LedgerKind(String fileName, String table) {
        this.fileName = fileName;
        this.table = table;
    }

    /** The ledger's name in URLs and in bundle file names ({@code fields.csv}). */
    public String fileName() {
        return fileName;
    }

    String table() {
        return table;
    }

    public static Optional<LedgerKind> ofFileName(String name) {
        return Arrays.stream(values()).filter(k -> k.fileName.equalsIgnoreCase(name)).findFirst();
    }
}
