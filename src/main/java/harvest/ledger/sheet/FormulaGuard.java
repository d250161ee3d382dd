package harvest.ledger.sheet;

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return) as a formula, so a
 * name or phone typed by anyone could execute on a bureau clerk's machine (CSV injection). Exported text is
 * prefixed with an apostrophe; imported text has that prefix removed again, so a round trip is lossless.
 */
public final class FormulaGuard {
    private FormulaGuard() {
    }

    public static String neutralise(String text) {
        return startsLikeFormula(text, 0) ? "'" + text : text;
    }

    public static String restore(String text) {
        return text.length() > 1 && text.charAt(0) == '\'' && startsLikeFormula(text, 1) ? text.substring(1) : text;
    }

    private static boolean startsLikeFormula(String text, int at) {
        if (text.length() <= at) {
            return false;
        }
        char c = text.charAt(at);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
