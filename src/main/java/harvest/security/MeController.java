package harvest.security;

import harvest.system.Roles;
import harvest.security.mobile.MobileIdentities;
import harvest.security.staff.PasswordChange;
import harvest.security.staff.StaffAccounts;
import harvest.system.problem.ProblemResponses;
import harvest.system.problem.TooManyRequests;
import harvest.system.web.ClientAddresses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The signed-in caller: the app's starting point. */
@SecurityRequirement(name = "bearer")
@Controller("/api/v1/me")
@Tag(name = "sign-in")
@ProblemResponses
class MeController {
    private final Access access;
    private final MobileIdentities identities;
    private final StaffAccounts staff;
    private final AssignmentOwners plans;
    private final ClientAddresses addresses;

    public MeController(Access access, MobileIdentities identities, StaffAccounts staff, AssignmentOwners plans, ClientAddresses addresses) {
        this.access = access;
        this.identities = identities;
        this.staff = staff;
        this.plans = plans;
        this.addresses = addresses;
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "getMe", summary = "Who I am, my roles, and for the app my combines, fields, teams and drying sites and the published plan")
    public Me me(Authentication authentication) {
        Long published = plans.publishedPlanId().orElse(null);
        return access.appUser()
                .map(phone -> new Me(authentication.getName(), Identity.Kind.MOBILE, authentication.getRoles().stream().toList(),
                        identities.holdings(phone), published))
                .orElseGet(() -> new Me(authentication.getName(), Identity.Kind.STAFF, authentication.getRoles().stream().toList(),
                        null, published));
    }

    @Post("/password")
    @Secured(Roles.VIEWER)
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "changeMyPassword", summary = "Change my own password (staff); every session of mine ends, so sign in again")
    @TooManyRequests
    public void changePassword(@Body @Valid PasswordChange body, Authentication authentication, HttpRequest<?> request) {
        staff.changePassword(authentication.getName(), body, addresses.limitKey(request));
    }
}
