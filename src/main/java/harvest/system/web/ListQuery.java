package harvest.system.web;

import harvest.system.problem.ProblemException;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The retired switch, paging and sorting every list accepts. The contract lists the components in this order after
 * the list's own filters, so every generated list method ends with page, size, sort.
 */
@Introspected
public record ListQuery(
        @Parameter(description = "Include retired rows") @QueryValue(defaultValue = "false") boolean includeRetired,
        @Parameter(description = "0-based page number") @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
        @Parameter(description = "Items per page") @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size,
        @Parameter(description = "Sort keys, e.g. areaMu,desc;code") @Nullable @QueryValue
        @Pattern(regexp = "^[A-Za-z]+(,(asc|desc))?(;[A-Za-z]+(,(asc|desc))?)*$", message = "must look like areaMu,desc;code")
        String sort) {

    public Pageable pageable(Set<String> sortable) {
        List<Sort.Order> orders = new ArrayList<>();
        if (sort != null) {
            for (String key : sort.split(";")) {
                String[] parts = key.split(",");
                if (!sortable.contains(parts[0])) {
                    throw ProblemException.invalid("sort", "cannot sort by '" + parts[0] + "'; use one of " + new TreeSet<>(sortable));
                }
                orders.add(parts.length > 1 && parts[1].equals("desc") ? Sort.Order.desc(parts[0]) : Sort.Order.asc(parts[0]));
            }
        }
        orders.add(Sort.Order.asc("code"));
        return Pageable.from(page, size, Sort.of(orders));
    }
}
