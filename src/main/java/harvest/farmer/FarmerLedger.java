package harvest.farmer;

import harvest.ledger.ActiveCodes;
import harvest.ledger.Ledger;
import harvest.ledger.LedgerColumn;
import harvest.ledger.LedgerKind;
import harvest.system.web.ExpectedVersion;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;

import java.util.List;

@Singleton
public class FarmerLedger extends Ledger<Farmer, FarmerRequest> {
    private final FarmerRepository farmers;
    private final Clock clock;

    public FarmerLedger(FarmerRepository farmers, ActiveCodes activeCodes, Clock clock) {
        super(LedgerKind.FARMERS, FarmerRequest.class, List.of(
                LedgerColumn.of("code", "户编号"),
                LedgerColumn.of("name", "户主"),
                LedgerColumn.of("phone", "电话"),
                LedgerColumn.of("community_code", "社区"),
                LedgerColumn.of("labor_short", "缺劳力"),
                LedgerColumn.of("elderly", "留守老人"),
                LedgerColumn.of("language", "语言")), farmers, activeCodes, clock);
        this.farmers = farmers;
        this.clock = clock;
    }

    /** Whether the household with this phone number asked for no more texts. */
    public boolean smsOptedOut(String phone) {
        return farmers.existsByPhoneAndSmsOptedOutAtIsNotNull(phone);
    }

    /** Records that the household asked for no more texts (or asked for them again); the first opt-out time is kept. */
    @Transactional
    public Farmer setSmsOptOut(long id, ExpectedVersion expected, boolean optedOut) {
        Farmer farmer = get(id);
        expected.check(farmer.version());
        if (optedOut == (farmer.smsOptedOutAt() != null)) {
            return farmer;
        }
        return repository.update(farmer.withSmsOptedOutAt(optedOut ? clock.instant() : null));
    }
}
