package harvest.field;

import harvest.ledger.LedgerRepository;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface FieldRepository extends LedgerRepository<Field> {
    List<String> findCodeByFarmerCodeInAndRetiredAtIsNullOrderByCode(List<String> farmerCodes);
}
