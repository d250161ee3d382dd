package harvest.security;

import harvest.security.mobile.SignInCodes;
import harvest.security.staff.StaffAccounts;
import harvest.system.phone.PhoneNumbers;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemResponses;
import harvest.system.problem.TooManyRequests;
import harvest.system.problem.ProblemType;
import harvest.system.web.ClientAddresses;
import harvest.system.web.RateLimiter;
import harvest.system.web.RateLimits;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.time.Duration;
import java.util.UUID;

/**
 * Signing in and out. Staff use a username and password; the people in the ledgers use their phone number and a
 * code texted to it. Both get the same tokens. Tries are limited per client address, codes also per number.
 */
@Controller("/api/v1/auth")
@Tag(name = "sign-in")
@ProblemResponses
@TooManyRequests
class SignInController {
    private final StaffAccounts staff;
    private final SignInCodes codes;
    private final Sessions sessions;
    private final ClientAddresses addresses;
    private final RateLimiter signIns;
    private final RateLimiter refreshes;
    private final RateLimiter codeRequests;

    public SignInController(StaffAccounts staff, SignInCodes codes, Sessions sessions, ClientAddresses addresses, RateLimits limits,
                            SecuritySettings settings) {
        this.staff = staff;
        this.codes = codes;
        this.sessions = sessions;
        this.addresses = addresses;
        this.signIns = limits.limiter("sign-in", settings.getSignInsPerClientPerMinute(), Duration.ofMinutes(1));
        this.refreshes = limits.limiter("refresh", settings.getRefreshesPerClientPerMinute(), Duration.ofMinutes(1));
        this.codeRequests = limits.limiter("code-request", settings.getCodesPerClientPerHour(), Duration.ofHours(1));
    }

    @Post("/sign-in")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(operationId = "signIn", summary = "Staff sign-in with username and password")
    public SignedIn signIn(@Body @Valid SignInRequests.StaffSignIn body, HttpRequest<?> request) {
        limit(signIns, request);
        return sessions.start(staff.signIn(body.username(), body.password(), addresses.limitKey(request)));
    }

    @Post("/refresh")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(operationId = "refreshSession", summary = "A new access token for a live session, with the roles its holder has now")
    public SignedIn refresh(@Body @Valid SignInRequests.Refresh body, HttpRequest<?> request) {
        limit(refreshes, request);
        return sessions.refresh(body.refreshToken());
    }

    @Post("/sign-out")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "signOut", summary = "End this session: its refresh token and access tokens stop working at once")
    public void signOut(Authentication authentication) {
        sessions.revoke(UUID.fromString((String) authentication.getAttributes().get(Identity.SESSION)));
    }

    @Post("/mobile/codes")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(operationId = "sendSignInCode", summary = "Text a one-time sign-in code to a phone number in the ledgers; the answer is the same for any valid number")
    @ApiResponse(responseCode = "202", description = "A code was made (and texted, if the number is known)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignInRequests.CodeSent.class)))
    public HttpResponse<SignInRequests.CodeSent> sendCode(@Body @Valid SignInRequests.CodeRequest body, HttpRequest<?> request) {
        limit(codeRequests, request);
        return HttpResponse.accepted().body(SignInRequests.CodeSent.of(codes.send(PhoneNumbers.toE164(body.phone()))));
    }

    @Post("/mobile/sign-in")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(operationId = "signInWithCode", summary = "App sign-in with the phone number and the texted code (five tries per code)")
    public SignedIn signInByCode(@Body @Valid SignInRequests.CodeSignIn body, HttpRequest<?> request) {
        limit(signIns, request);
        return sessions.start(codes.signIn(PhoneNumbers.toE164(body.phone()), body.code()));
    }

    private void limit(RateLimiter limiter, HttpRequest<?> request) {
        limiter.take(addresses.limitKey(request)).ifPresent(wait -> {
            throw new ProblemException(ProblemType.RATE_LIMITED, "too many sign-in requests from this address; wait and try again")
                    .retryAfter((int) Math.max(1, wait.toSeconds()));
        });
    }
}
