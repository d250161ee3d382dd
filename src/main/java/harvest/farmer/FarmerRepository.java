package harvest.farmer;

import harvest.ledger.LedgerRepository;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface FarmerRepository extends LedgerRepository<Farmer> {
    List<String> findCodeByPhoneAndRetiredAtIsNullOrderByCode(String phone);

    boolean existsByPhoneAndSmsOptedOutAtIsNotNull(String phone);
}
