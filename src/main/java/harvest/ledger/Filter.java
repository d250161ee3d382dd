package harvest.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;

import java.util.Collection;

/** A conjunction of the list filters a client actually sent; an absent filter matches everything. */
public final class Filter<E> {
    private PredicateSpecification<E> spec;

    public static <E> Filter<E> activeUnless(boolean includeRetired) {
        Filter<E> filter = new Filter<>();
        return includeRetired ? filter : filter.and((root, cb) -> cb.isNull(root.get("retiredAt")));
    }

    public Filter<E> equal(String property, @Nullable Object value) {
        return value == null ? this : and((root, cb) -> cb.equal(root.get(property), value));
    }

    /** Restricts {@code property} to {@code values} when they are given; an empty collection matches nothing. */
    public Filter<E> in(String property, @Nullable Collection<?> values) {
        if (values == null) {
            return this;
        }
        // Micronaut Data writes an empty disjunction as "()" inside the WHERE clause; no row has a null id
        return values.isEmpty()
                ? and((root, cb) -> cb.isNull(root.get("id")))
                : and((root, cb) -> root.get(property).in(values));
    }

    public Filter<E> and(PredicateSpecification<E> next) {
        spec = spec == null ? next : spec.and(next);
        return this;
    }

    @Nullable
    public PredicateSpecification<E> spec() {
        return spec;
    }
}
