package harvest.security.mobile;

import java.util.List;

/**
 * One kind of ledger entry a phone number can stand for, answered by the module that keeps that ledger: security
 * declares what it must know, the ledgers above it say it.
 */
public interface PhoneHoldings {
    enum Kind { MACHINES, FARMERS, TEAMS, DRYING_SITES }

    Kind kind();

    /** Codes of the active entries with this phone number, in code order. */
    List<String> heldBy(String phone);
}
