package harvest.ledger;

import java.util.List;

/**
 * One column of a ledger file: its English header, the Chinese headers bureaus also use, and the request
 * property it fills (the header in camelCase).
 */
public record LedgerColumn(String header, List<String> aliases, String property) {

    /** {@code of("area_mu", "面积(亩)")} reads and writes the {@code areaMu} property. */
    public static LedgerColumn of(String header, String... aliases) {
        StringBuilder property = new StringBuilder();
        boolean upper = false;
        for (char c : header.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                property.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return new LedgerColumn(header, List.of(aliases), property.toString());
    }

    public boolean answersTo(String name) {
        String wanted = name.strip();
        return header.equalsIgnoreCase(wanted) || aliases.stream().anyMatch(alias -> alias.equals(wanted));
    }
}
