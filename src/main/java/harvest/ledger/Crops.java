package harvest.ledger;

/** Crops are upper-case names (WHEAT, CORN, ...) so that fields and machines match them exactly. */
public final class Crops {
    public static final String PATTERN = "^[A-Z][A-Z_]{0,31}$";
    public static final String MESSAGE = "must be an upper-case crop name such as WHEAT";

    private Crops() {
    }
}
