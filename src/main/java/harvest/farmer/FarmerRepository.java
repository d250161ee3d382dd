package harvest.farmer;

import harvest.ledger.LedgerRepository;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FarmerRepository extends LedgerRepository<Farmer> {
    boolean existsByPhoneAndSmsOptedOutAtIsNotNull(String phone);
}
