package harvest.team;

import harvest.ledger.LedgerRepository;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TeamRepository extends LedgerRepository<Team> {
    List<String> findCodeByLeaderPhoneAndRetiredAtIsNullOrderByCode(String leaderPhone);
}
