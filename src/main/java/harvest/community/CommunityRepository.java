package harvest.community;

import harvest.ledger.LedgerRepository;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CommunityRepository extends LedgerRepository<Community> {
    List<String> findCodeByStreet(String street);
}
