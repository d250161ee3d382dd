package harvest.security;

import java.util.Optional;

/** Where the identities of one kind are kept; asked again on every refresh, so a disabled or removed person stops there. */
public interface IdentitySource {
    Identity.Kind kind();

    /** The identity as it is now; empty when the account is disabled or the number is no longer in the ledgers. */
    Optional<Identity> current(String subject);
}
