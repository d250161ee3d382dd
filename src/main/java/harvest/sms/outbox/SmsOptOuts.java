package harvest.sms.outbox;

import harvest.farmer.FarmerLedger;
import harvest.system.Sql;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

/** Who texted STOP: a farmer's choice is kept on the farmer ledger, anyone else's here. */
@Singleton
@Connectable
public class SmsOptOuts {
    private final Sql sql;
    private final FarmerLedger farmers;

    SmsOptOuts(Sql sql, FarmerLedger farmers) {
        this.sql = sql;
        this.farmers = farmers;
    }

    /** A farmer who texted STOP (or whom the dispatcher opted out), or any other number that did, gets nothing more. */
    public boolean optedOut(String phone) {
        return farmers.smsOptedOut(phone) || sql.of("SELECT EXISTS (SELECT 1 FROM sms_opt_out WHERE phone = :phone)")
                .set("phone", phone).first(rows -> rows.getBoolean(1)).orElseThrow();
    }

    /** Opts a number that is not a farmer's in or out (farmers keep theirs on the farmer ledger). */
    public void optOut(String phone, boolean out) {
        sql.of(out ? "INSERT INTO sms_opt_out (phone) VALUES (:phone) ON CONFLICT DO NOTHING"
                : "DELETE FROM sms_opt_out WHERE phone = :phone").set("phone", phone).update();
    }
}
