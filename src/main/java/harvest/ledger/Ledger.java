package harvest.ledger;

import harvest.audit.AuditLog;
import harvest.system.problem.Problem;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import harvest.system.web.ExpectedVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;
import io.micronaut.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.function.Predicate;

/**
 * The rules every ledger shares: codes are unique and never change, references must point at active rows,
 * updates are optimistically locked, and rows are retired rather than deleted so history keeps its references.
 */
public abstract class Ledger<E extends LedgerEntity, R extends LedgerRequest<E>> {
    private final LedgerKind kind;
    private final Class<R> requestType;
    private final List<LedgerColumn> columns;
    protected final LedgerRepository<E> repository;
    private final ActiveCodes activeCodes;
    private final Clock clock;
    private final @Nullable AuditTrail<E> audit;

    protected Ledger(LedgerKind kind, Class<R> requestType, List<LedgerColumn> columns,
                     LedgerRepository<E> repository, ActiveCodes activeCodes, Clock clock) {
        this(kind, requestType, columns, repository, activeCodes, clock, null);
    }

    /** A ledger whose every change is recorded in the audit log, in the transaction that makes it. */
    protected Ledger(LedgerKind kind, Class<R> requestType, List<LedgerColumn> columns,
                     LedgerRepository<E> repository, ActiveCodes activeCodes, Clock clock, @Nullable AuditTrail<E> audit) {
        this.kind = kind;
        this.clock = clock;
        this.requestType = requestType;
        this.columns = List.copyOf(columns);
        this.repository = repository;
        this.activeCodes = activeCodes;
        this.audit = audit;
    }

    public LedgerKind kind() {
        return kind;
    }

    public Class<R> requestType() {
        return requestType;
    }

    /** The columns of this ledger's CSV/XLSX form, in file order. */
    public List<LedgerColumn> columns() {
        return columns;
    }

    public E get(long id) {
        return repository.findById(id).orElseThrow(() -> ProblemException.notFound(noun() + " " + id));
    }

    public E getByCode(String code) {
        return repository.findByCode(code).orElseThrow(() -> ProblemException.notFound(noun() + " '" + code + "'"));
    }

    public Page<E> list(PredicateSpecification<E> filter, Pageable pageable) {
        return repository.findAll(filter, pageable);
    }

    /** Every row in code order, for export. */
    public List<E> all(boolean includeRetired) {
        return repository.findAll(Filter.<E>activeUnless(includeRetired).spec(), Sort.of(Sort.Order.asc("code")));
    }

    /** The rows with these codes by code, retired ones included: what was planned with them still names them. */
    public Map<String, E> byCodes(Collection<String> codes) {
        return codes.isEmpty() ? Map.of()
                : repository.findByCodeIn(codes).stream().collect(Collectors.toMap(E::code, Function.identity()));
    }

    /** Active rows whose {@code property} equals {@code value}, in code order. */
    public List<E> where(String property, Object value) {
        return repository.findAll(Filter.<E>activeUnless(false).equal(property, value).spec(), Sort.of(Sort.Order.asc("code")));
    }

    @Transactional
    public E create(R request) {
        if (repository.findByCode(request.code()).isPresent()) {
            throw new ProblemException(ProblemType.DUPLICATE_CODE, noun() + " '" + request.code() + "' already exists");
        }
        requireConsistentRow(request);
        return audited("created", null, repository.save(request.toEntity(null)));
    }

    @Transactional
    public E update(long id, ExpectedVersion expected, R request) {
        E existing = get(id);
        requireActive(existing);
        expected.check(existing.version());
        if (!existing.code().equals(request.code())) {
            throw ProblemException.invalid("code", "is the ledger key and cannot change (it is '" + existing.code() + "')");
        }
        requireConsistentRow(request);
        E changed = request.toEntity(existing);
        // An identical PUT keeps the version, so repeating a request never invalidates other clients' ETags.
        return changed.equals(existing) ? existing : audited("updated", existing, repository.update(changed));
    }

    /** Retiring twice is harmless; a stale If-Match is not. */
    @Transactional
    public E retire(long id, Optional<ExpectedVersion> expected) {
        E existing = get(id);
        expected.ifPresent(e -> e.check(existing.version()));
        if (existing.retiredAt() != null) {
            return existing;
        }
        repository.update(existing.id(), existing.version(), clock.instant());
        return audited("retired", existing, get(id));
    }

    /** Writes many rows keyed by code in the caller's transaction; references are the caller's to check. */
    public Upserted upsert(Collection<R> requests) {
        Map<String, E> existing = repository.findByCodeIn(requests.stream().map(R::code).toList()).stream()
                .collect(Collectors.toMap(E::code, Function.identity()));
        List<E> created = new ArrayList<>();
        List<E> updated = new ArrayList<>();
        for (R request : requests) {
            E current = existing.get(request.code());
            E next = request.toEntity(current);
            if (current == null) {
                created.add(next);
            } else if (!next.equals(current)) {
                updated.add(next);
            }
        }
        List<E> saved = repository.saveAll(created);
        List<E> changed = repository.updateAll(updated);
        if (audit != null) {
            List<AuditLog.Change> changes = new ArrayList<>();
            saved.forEach(row -> changes.add(audit.change("imported", null, row)));
            changed.forEach(row -> changes.add(audit.change("imported", existing.get(row.code()), row)));
            audit.log().recordAll(changes);
        }
        return new Upserted(created.size(), updated.size(), requests.size() - created.size() - updated.size());
    }

    /** Records a change of {@code after} in the audit log, if this ledger is audited, and returns it. */
    protected E audited(String action, @Nullable E before, E after) {
        if (audit != null) {
            audit.log().recordAll(List.of(audit.change(action, before, after)));
        }
        return after;
    }

    public List<Problem.Violation> missingReferences(R request, Predicate<LedgerRequest.Reference> exists) {
        return request.references().stream()
                .filter(reference -> reference.code() != null && !exists.test(reference))
                .map(reference -> Problem.Violation.of(reference.field(),
                        "no active " + reference.kind().fileName() + " entry has code '" + reference.code() + "'"))
                .toList();
    }

    private void requireConsistentRow(R request) {
        List<Problem.Violation> wrong = new ArrayList<>(request.inconsistencies());
        wrong.addAll(missingReferences(request, reference -> activeCodes.contains(reference.kind(), reference.code())));
        if (!wrong.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, wrong.getFirst().field() + ": " + wrong.getFirst().message(), wrong);
        }
    }

    private void requireActive(E existing) {
        if (existing.retiredAt() != null) {
            throw new ProblemException(ProblemType.RETIRED, noun() + " '" + existing.code() + "' was retired at " + existing.retiredAt());
        }
    }

    private String noun() {
        return kind.fileName().replace('_', ' ');
    }

    public record Upserted(int created, int updated, int unchanged) {
    }
}
