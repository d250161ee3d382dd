package harvest.ledger;

/** The shape of a bureau's codes, the same rule the database's {@code ledger_code} domain enforces. */
public final class Codes {
    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$";
    public static final String MESSAGE = "must be 1-32 letters, digits, '_', '.' or '-', starting with a letter or digit";

    private Codes() {
    }
}
