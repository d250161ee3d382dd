package harvest.security;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import harvest.security.mobile.CodeTexts;
import harvest.system.Sql;
import harvest.system.cluster.ClusterJob;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Clears what sign-in leaves behind once it is of no use: the codes waiting in sign-in texts once they expire,
 * code rows and wrong-password counts once no limit counts them (a day), and sessions a month after they ended.
 */
@Singleton
@Connectable
public class SignInHousekeeping implements ClusterJob {
    private final Sql sql;
    private final CodeTexts codeTexts;
    private final SecuritySettings settings;

    public SignInHousekeeping(Sql sql, CodeTexts codeTexts, SecuritySettings settings) {
        this.sql = sql;
        this.codeTexts = codeTexts;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "sign-in-housekeeping";
    }

    @Override
    public Schedule schedule() {
        return Schedules.fixedDelay(Duration.ofMinutes(1));
    }

    @Override
    public void run() {
        codeTexts.forgetOlderThan(settings.getCodeTtl());
        sql.of("DELETE FROM sign_in_code WHERE created_at < now() - interval '1 day'").update();
        sql.of("DELETE FROM sign_in_failure WHERE last_at < now() - interval '1 day'").update();
        sql.of("DELETE FROM auth_session WHERE expires_at < now() - interval '30 days'").update();
    }
}
