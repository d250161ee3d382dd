package harvest.aid;

import harvest.ledger.LedgerRepository;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AidStationRepository extends LedgerRepository<AidStation> {
}
