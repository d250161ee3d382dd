package harvest.security.staff;

import harvest.audit.AuditLog;
import harvest.audit.AuditedEntity;
import harvest.security.Identity;
import harvest.security.IdentitySource;
import harvest.system.Roles;
import harvest.security.SecuritySettings;
import harvest.security.Sessions;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The staff accounts: who they are, their role and password hash; signing in and changing them. */
@Singleton
@Connectable
public class StaffAccounts implements IdentitySource {
    private static final String COLUMNS = "username, display_name, role, enabled, created_at, password_changed_at, version";

    private final JdbcOperations jdbc;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final SecuritySettings settings;
    private final AuditLog audit;
    private final SignInFailures failures;

    public StaffAccounts(JdbcOperations jdbc, PasswordHasher hasher, Sessions sessions, SecuritySettings settings, AuditLog audit,
                         SignInFailures failures) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.sessions = sessions;
        this.settings = settings;
        this.audit = audit;
        this.failures = failures;
    }

    @Override
    public Identity.Kind kind() {
        return Identity.Kind.STAFF;
    }

    @Override
    public Optional<Identity> current(String username) {
        return find(username).filter(StaffAccount::enabled).map(StaffAccounts::identity);
    }

    private static Identity identity(StaffAccount account) {
        return new Identity(Identity.Kind.STAFF, account.username(), Roles.granted(account.role()));
    }

    public List<StaffAccount> list() {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM staff_account ORDER BY username", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                List<StaffAccount> accounts = new ArrayList<>();
                while (rows.next()) {
                    accounts.add(account(rows));
                }
                return accounts;
            }
        });
    }

    public Optional<StaffAccount> find(String username) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM staff_account WHERE username = ?", statement -> {
            statement.setString(1, username.toLowerCase(Locale.ROOT));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(account(rows)) : Optional.empty();
            }
        });
    }

    public StaffAccount get(String username) {
        return find(username).orElseThrow(() -> ProblemException.notFound("account " + username));
    }

    public boolean any() {
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM staff_account)", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        });
    }

    @Transactional
    public StaffAccount create(AccountRequest request) {
        CredentialRules.requireUsername(request.username());
        CredentialRules.requirePassword(request.username(), request.password(), "password");
        if (find(request.username()).isPresent()) {
            throw new ProblemException(ProblemType.DUPLICATE_CODE, "username " + request.username() + " is taken");
        }
        jdbc.prepareStatement("""
                INSERT INTO staff_account (username, display_name, role, password_hash, created_at, password_changed_at)
                VALUES (?, ?, ?, ?, now(), now())""", statement -> {
            statement.setString(1, request.username());
            statement.setString(2, request.displayName());
            statement.setString(3, request.role());
            statement.setString(4, hasher.hash(request.password()));
            return statement.executeUpdate();
        });
        StaffAccount created = get(request.username());
        audit.record(AuditedEntity.ACCOUNT, created.username(), "created", null, created);
        return created;
    }

    @Transactional
    public StaffAccount update(String username, AccountUpdate update) {
        StaffAccount before = lock(username);
        String role = update.role() == null ? before.role() : update.role();
        boolean enabled = update.enabled() == null ? before.enabled() : update.enabled();
        if (before.role().equals(Roles.ADMIN) && before.enabled() && (!role.equals(Roles.ADMIN) || !enabled) && enabledAdmins() == 1) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "account " + username
                    + " is the last enabled admin; make another admin first, or nobody could manage accounts");
        }
        if (update.password() != null) {
            CredentialRules.requirePassword(username, update.password(), "password");
        }
        jdbc.prepareStatement("""
                UPDATE staff_account SET display_name = coalesce(?, display_name), role = ?, enabled = ?,
                    password_hash = coalesce(?, password_hash),
                    password_changed_at = CASE WHEN ?::text IS NULL THEN password_changed_at ELSE now() END,
                    version = version + 1
                WHERE username = ?""", statement -> {
            String hash = update.password() == null ? null : hasher.hash(update.password());
            statement.setString(1, update.displayName());
            statement.setString(2, role);
            statement.setBoolean(3, enabled);
            statement.setString(4, hash);
            statement.setString(5, hash);
            statement.setString(6, before.username());
            return statement.executeUpdate();
        });
        if (!role.equals(before.role()) || !enabled || update.password() != null) {
            sessions.revokeAll(Identity.Kind.STAFF, before.username());
        }
        if (update.password() != null) {
            failures.forgive(before.username());
        }
        StaffAccount after = get(username);
        audit.record(AuditedEntity.ACCOUNT, after.username(), update.password() == null ? "updated" : "updated with a new password", before, after);
        return after;
    }

    /** A staff member's own change; wrong current passwords count as failed sign-ins from that address. */
    public void changePassword(String username, PasswordChange change, String client) {
        String name = username.toLowerCase(Locale.ROOT);
        boolean correct = signInRow(name).map(row -> hasher.matches(change.currentPassword(), row.hash())).orElse(false);
        if (failures.locked(name, client)) {
            throw new ProblemException(ProblemType.RATE_LIMITED, "too many wrong passwords from this address; wait and try again")
                    .retryAfter((int) settings.getStaffLock().toSeconds());
        }
        if (!correct) {
            failures.failed(name, client);
            throw ProblemException.invalid("currentPassword", "is not the current password");
        }
        // Checked here too so a weak password is named as the caller sent it, not as update's "password".
        CredentialRules.requirePassword(name, change.newPassword(), "newPassword");
        update(name, new AccountUpdate(null, null, null, change.newPassword()));
    }

    /**
     * The identity for a correct password. The hash is checked outside any transaction (it takes tens of
     * milliseconds and 19 MiB); a wrong password, an unknown, disabled or locked account get the same answer,
     * after the same work.
     */
    public Identity signIn(String username, String password, String client) {
        String name = username.toLowerCase(Locale.ROOT);
        Optional<SignInRow> row = signInRow(name);
        boolean correct = row.isPresent() ? hasher.matches(password, row.get().hash()) : hasher.verifyDecoy(password);
        if (failures.locked(name, client)) {
            throw refused();
        }
        if (!correct || !row.get().enabled()) {
            failures.failed(name, client);
            throw refused();
        }
        failures.succeeded(name, client);
        return identity(get(name));
    }

    private static ProblemException refused() {
        return new ProblemException(ProblemType.SIGN_IN_FAILED, "wrong username or password, or the account is disabled or locked for a while");
    }

    private record SignInRow(String hash, boolean enabled) {
    }

    private Optional<SignInRow> signInRow(String username) {
        return jdbc.prepareStatement("SELECT password_hash, enabled FROM staff_account WHERE username = ?", statement -> {
            statement.setString(1, username);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new SignInRow(rows.getString(1), rows.getBoolean(2))) : Optional.empty();
            }
        });
    }

    private StaffAccount lock(String username) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM staff_account WHERE username = ? FOR UPDATE", statement -> {
            statement.setString(1, username.toLowerCase(Locale.ROOT));
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw ProblemException.notFound("account " + username);
                }
                return account(rows);
            }
        });
    }

    private int enabledAdmins() {
        // Locks every enabled admin, so two admins demoting each other at once cannot both pass the count.
        return jdbc.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM staff_account WHERE role = 'ADMIN' AND enabled FOR UPDATE) admins", statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    private static StaffAccount account(ResultSet rows) throws SQLException {
        return new StaffAccount(rows.getString("username"), rows.getString("display_name"), rows.getString("role"),
                rows.getBoolean("enabled"), rows.getTimestamp("created_at").toInstant(),
                rows.getTimestamp("password_changed_at").toInstant(), rows.getLong("version"));
    }
}
