package harvest.team;

import java.time.Clock;
import harvest.ledger.ActiveCodes;
import harvest.ledger.Ledger;
import harvest.ledger.LedgerColumn;
import harvest.ledger.LedgerKind;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
public class TeamLedger extends Ledger<Team, TeamRequest> {
    public TeamLedger(TeamRepository teams, ActiveCodes activeCodes, Clock clock) {
        super(LedgerKind.TEAMS, TeamRequest.class, List.of(
                LedgerColumn.of("code", "编号"),
                LedgerColumn.of("name", "名称"),
                LedgerColumn.of("kind", "类型"),
                LedgerColumn.of("leader_name", "队长"),
                LedgerColumn.of("leader_phone", "队长电话"),
                LedgerColumn.of("members", "人数"),
                LedgerColumn.of("community_code", "社区")), teams, activeCodes, clock);
    }
}
