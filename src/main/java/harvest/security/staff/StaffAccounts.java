package harvest.security.staff;

import harvest.audit.AuditLog;
import harvest.audit.AuditedEntity;
import harvest.security.Identity;
import harvest.security.IdentitySource;
import harvest.security.SecuritySettings;
import harvest.security.Sessions;
import harvest.system.JdbcValues;
import harvest.system.Roles;
import harvest.system.Sql;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The staff accounts: who they are, their role and password hash; signing in and changing them. */
@Singleton
@Connectable
public class StaffAccounts implements IdentitySource {
    private static final String COLUMNS = "username, display_name, role, enabled, created_at, password_changed_at, version";

    private final Sql sql;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final SecuritySettings settings;
    private final AuditLog audit;
    private final SignInFailures failures;

    public StaffAccounts(Sql sql, PasswordHasher hasher, Sessions sessions, SecuritySettings settings, AuditLog audit,
                         SignInFailures failures) {
        this.sql = sql;
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
        return sql.of("SELECT " + COLUMNS + " FROM staff_account ORDER BY username").list(StaffAccounts::account);
    }

    public Optional<StaffAccount> find(String username) {
        return sql.of("SELECT " + COLUMNS + " FROM staff_account WHERE username = :username")
                .set("username", username.toLowerCase(Locale.ROOT)).first(StaffAccounts::account);
    }

    public StaffAccount get(String username) {
        return find(username).orElseThrow(() -> ProblemException.notFound("account " + username));
    }

    public boolean any() {
        return sql.of("SELECT 1 FROM staff_account LIMIT 1").first(rows -> true).isPresent();
    }

    @Transactional
    public StaffAccount create(AccountRequest request) {
        CredentialRules.requireUsername(request.username());
        CredentialRules.requirePassword(request.username(), request.password(), "password");
        if (find(request.username()).isPresent()) {
            throw new ProblemException(ProblemType.DUPLICATE_CODE, "username " + request.username() + " is taken");
        }
        sql.of("""
                INSERT INTO staff_account (username, display_name, role, password_hash, created_at, password_changed_at)
                VALUES (:username, :displayName, :role, :passwordHash, now(), now())""")
                .set("username", request.username()).set("displayName", request.displayName()).set("role", request.role())
                .set("passwordHash", hasher.hash(request.password())).update();
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
        sql.of("""
                UPDATE staff_account SET display_name = coalesce(:displayName, display_name), role = :role, enabled = :enabled,
                    password_hash = coalesce(:passwordHash, password_hash),
                    password_changed_at = CASE WHEN :passwordHash::text IS NULL THEN password_changed_at ELSE now() END,
                    version = version + 1
                WHERE username = :username""")
                .set("displayName", update.displayName()).set("role", role).set("enabled", enabled)
                .set("passwordHash", update.password() == null ? null : hasher.hash(update.password()))
                .set("username", before.username()).update();
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
        return sql.of("SELECT password_hash, enabled FROM staff_account WHERE username = :username").set("username", username)
                .first(rows -> new SignInRow(rows.getString("password_hash"), rows.getBoolean("enabled")));
    }

    private StaffAccount lock(String username) {
        return sql.of("SELECT " + COLUMNS + " FROM staff_account WHERE username = :username FOR UPDATE")
                .set("username", username.toLowerCase(Locale.ROOT)).first(StaffAccounts::account)
                .orElseThrow(() -> ProblemException.notFound("account " + username));
    }

    private long enabledAdmins() {
        // Locks every enabled admin, so two admins demoting each other at once cannot both pass the count.
        return sql.of("SELECT count(*) FROM (SELECT 1 FROM staff_account WHERE role = 'ADMIN' AND enabled FOR UPDATE) admins").number();
    }

    private static StaffAccount account(ResultSet rows) throws SQLException {
        return new StaffAccount(rows.getString("username"), rows.getString("display_name"), rows.getString("role"),
                rows.getBoolean("enabled"), JdbcValues.instant(rows, "created_at"),
                JdbcValues.instant(rows, "password_changed_at"), rows.getLong("version"));
    }
}
