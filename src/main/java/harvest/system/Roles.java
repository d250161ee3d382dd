package harvest.system;

import java.util.List;

/**
 * The roles a token may carry. Staff roles nest (an ADMIN may do what a DISPATCHER may, a DISPATCHER what a VIEWER
 * may), so a rule names the least role it needs. The people in the ledgers sign in from the app and get one role for
 * each place their phone number appears; what they may touch is then decided per object by the security module's object-level checks.
 */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String DISPATCHER = "DISPATCHER";
    public static final String VIEWER = "VIEWER";
    public static final String OPERATOR = "OPERATOR";
    public static final String FARMER = "FARMER";
    public static final String TEAM_LEADER = "TEAM_LEADER";
    public static final String SITE_CONTACT = "SITE_CONTACT";

    private Roles() {
    }

    /** The roles a staff account's token carries: its own and every role below it. */
    public static List<String> granted(String staffRole) {
        return switch (staffRole) {
            case ADMIN -> List.of(ADMIN, DISPATCHER, VIEWER);
            case DISPATCHER -> List.of(DISPATCHER, VIEWER);
            case VIEWER -> List.of(VIEWER);
            default -> throw new IllegalArgumentException("not a staff role: " + staffRole);
        };
    }
}
