package harvest.security;

import harvest.security.mobile.MobileIdentities;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Object-level rules for the routes the app uses. Staff reach them by role alone; a person signed in by phone
 * reaches only their own combines, household fields, teams and drying sites, as the ledgers say now. Someone
 * else's object and an object that does not exist get the same 403, so ids cannot be probed.
 */
@Singleton
public class Access {
    private final SecurityService security;
    private final MobileIdentities identities;
    private final AssignmentOwners owners;

    public Access(SecurityService security, MobileIdentities identities, AssignmentOwners owners) {
        this.security = security;
        this.identities = identities;
        this.owners = owners;
    }

    /** The phone number of an app user; empty for staff. */
    public Optional<String> appUser() {
        return security.getAuthentication().map(Authentication::getAttributes)
                .filter(claims -> Identity.Kind.MOBILE.name().equals(claims.get(Identity.KIND)))
                .map(claims -> (String) claims.get(Identity.PHONE));
    }

    public void requireMachine(String code) {
        require(identities::machines, code, "combine");
    }

    public void requireField(String code) {
        require(identities::fields, code, "field");
    }

    public void requireTeam(String code) {
        require(identities::teams, code, "team");
    }

    public void requireDryingSite(String code) {
        require(identities::dryingSites, code, "drying site");
    }

    /** An operator may report on the jobs of their own combines only. */
    public void requireAssignment(long planId, String chunkId) {
        Optional<String> phone = appUser();
        if (phone.isEmpty()) {
            return;
        }
        String machine = owners.combineOf(planId, chunkId).orElse(null);
        if (machine == null || !identities.machines(phone.get()).contains(machine)) {
            throw forbidden("job " + chunkId + " of plan " + planId);
        }
    }

    /** Reads only the one kind of holding the route needs: this runs on every app request. */
    private void require(Function<String, List<String>> heldBy, String code, String what) {
        Optional<String> phone = appUser();
        if (phone.isPresent() && !heldBy.apply(phone.get()).contains(code)) {
            throw forbidden(what + " " + code);
        }
    }

    private static ProblemException forbidden(String what) {
        return new ProblemException(ProblemType.FORBIDDEN, what + " is not yours, or does not exist");
    }
}
