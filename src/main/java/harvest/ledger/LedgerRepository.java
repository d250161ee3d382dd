package harvest.ledger;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface LedgerRepository<E extends LedgerEntity> extends CrudRepository<E, Long>, JpaSpecificationExecutor<E> {
    Optional<E> findByCode(String code);

    List<E> findByCodeIn(Collection<String> codes);

    void update(@Id Long id, @Version Long version, Instant retiredAt);
}
