package harvest.security;

import harvest.security.mobile.CodeTexts;
import harvest.system.Sql;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Clears what sign-in leaves behind once it is of no use: the codes waiting in sign-in texts once they expire,
 * code rows and wrong-password counts once no limit counts them (a day), and sessions a month after they ended.
 */
@Singleton
@Connectable
public class SignInHousekeeping {
    private final Sql sql;
    private final CodeTexts codeTexts;
    private final SecuritySettings settings;

    public SignInHousekeeping(Sql sql, CodeTexts codeTexts, SecuritySettings settings) {
        this.sql = sql;
        this.codeTexts = codeTexts;
        this.settings = settings;
    }

    @Scheduled(fixedDelay = "1m", initialDelay = "1m")
    public void sweep() {
        codeTexts.forgetOlderThan(settings.getCodeTtl());
        sql.of("DELETE FROM sign_in_code WHERE created_at < now() - interval '1 day'").update();
        sql.of("DELETE FROM sign_in_failure WHERE last_at < now() - interval '1 day'").update();
        sql.of("DELETE FROM auth_session WHERE expires_at < now() - interval '30 days'").update();
    }
}
