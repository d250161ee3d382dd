package harvest.system.web;

import java.util.List;

/**
 * The content security policy of a page this service serves beside its API (the feature that owns the page knows
 * what it loads). The API answers and the contract's docs pages keep the policies {@link SecurityHeaders} gives them.
 */
public interface PagePolicy {
    /** The paths the page and its files live under: "/board" covers /board and everything below it. */
    List<String> roots();

    String contentSecurityPolicy();
}
