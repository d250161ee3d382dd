package harvest.security.staff;

import harvest.system.Roles;
import harvest.system.Actor;
import harvest.system.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first admin comes from the environment (HARVEST_ADMIN_USERNAME, HARVEST_ADMIN_PASSWORD) when the service
 * starts with no staff account at all; after that the variables are ignored and admins manage accounts through
 * the API. There is no built-in account and no default password.
 */
@Singleton
public class FirstAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final StaffAccounts accounts;
    private final String username;
    private final String password;

    public FirstAdmin(StaffAccounts accounts,
                      @Nullable @Value("${harvest.security.admin.username:}") String username,
                      @Nullable @Value("${harvest.security.admin.password:}") String password) {
        this.accounts = accounts;
        this.username = username == null ? "" : username.strip();
        this.password = password == null ? "" : password;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        if (accounts.any()) {
            return;
        }
        if (username.isEmpty() || password.isEmpty()) {
            LOG.warn("There are no staff accounts: set HARVEST_ADMIN_USERNAME and HARVEST_ADMIN_PASSWORD and restart to create the first admin");
            return;
        }
        try {
            Actor.as("system: first admin from the environment",
                    () -> accounts.create(new AccountRequest(username, null, Roles.ADMIN, password)));
        } catch (ProblemException e) {
            // The variables are the operator's own; a service that cannot be administered should not start quietly.
            throw new IllegalStateException("HARVEST_ADMIN_USERNAME/HARVEST_ADMIN_PASSWORD were refused: " + e.getMessage()
                    + " (username: 3-40 of a-z 0-9 . _ -; password: 12-128 characters, not containing the username)", e);
        }
        LOG.info("Created the first admin account '{}' from the environment", username);
    }
}
