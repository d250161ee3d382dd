package harvest.machine;

import harvest.ledger.LedgerRepository;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface MachineRepository extends LedgerRepository<Machine> {
    List<String> findCodeByOperatorPhoneAndRetiredAtIsNullOrderByCode(String operatorPhone);


    /** Array membership has no criteria form; the GIN index on crops serves this. */
    @Query("SELECT code FROM machine WHERE crops @> ARRAY[:crop]::text[]")
    List<String> findCodesByCrop(String crop);
}
