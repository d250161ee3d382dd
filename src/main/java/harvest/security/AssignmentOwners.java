package harvest.security;

import java.util.Optional;

/**
 * What the object-level checks must know about plans, declared here and answered by the planning module, so that
 * security stays below the features it guards.
 */
public interface AssignmentOwners {
    /** The combine plan {@code planId} gives the job {@code chunkId}; empty if the plan has no such job. */
    Optional<String> combineOf(long planId, String chunkId);

    /** The plan published now, if one is. */
    Optional<Long> publishedPlanId();
}
