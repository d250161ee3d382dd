package harvest.sms.outbox;

import harvest.farmer.FarmerLedger;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;

/** Who texted STOP: a farmer's choice is kept on the farmer ledger, anyone else's here. */
@Singleton
@Connectable
public class SmsOptOuts {
    private final JdbcOperations jdbc;
    private final FarmerLedger farmers;

    SmsOptOuts(JdbcOperations jdbc, FarmerLedger farmers) {
        this.jdbc = jdbc;
        this.farmers = farmers;
    }

    /** A farmer who texted STOP (or whom the dispatcher opted out), or any other number that did, gets nothing more. */
    public boolean optedOut(String phone) {
        return farmers.smsOptedOut(phone) || jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM sms_opt_out WHERE phone = ?)", statement -> {
            statement.setString(1, phone);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        });
    }

    /** Opts a number that is not a farmer's in or out (farmers keep theirs on the farmer ledger). */
    public void optOut(String phone, boolean out) {
        jdbc.prepareStatement(out ? "INSERT INTO sms_opt_out (phone) VALUES (?) ON CONFLICT DO NOTHING"
                : "DELETE FROM sms_opt_out WHERE phone = ?", statement -> {
            statement.setString(1, phone);
            return statement.executeUpdate();
        });
    }

}
