package harvest.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;

import java.security.Principal;
import java.util.concurrent.Callable;

/**
 * Who is changing things, for the audit log: a caller through the API, a person by SMS, or the service itself.
 * Work done on someone's behalf (an SMS reply, a scheduled job) runs inside {@link #as}; otherwise the current
 * HTTP request names the caller.
 */
public final class Actor {
    /** The request attribute that names an API caller (set by {@code system.web.CallerNames}). */
    public static final String CALLER = "harvest.caller";
    private static final ScopedValue<String> CURRENT = ScopedValue.newInstance();

    private Actor() {
    }

    public static String current() {
        if (CURRENT.isBound()) {
            return CURRENT.get();
        }
        return ServerRequestContext.currentRequest().map(Actor::caller).orElse("system");
    }

    public static <T> T as(String actor, Callable<T> work) {
        try {
            return ScopedValue.where(CURRENT, actor).call(work::call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String caller(HttpRequest<?> request) {
        return request.getUserPrincipal().map(Principal::getName)
                .orElseGet(() -> request.getAttribute(CALLER, String.class).orElse("api client"));
    }
}
