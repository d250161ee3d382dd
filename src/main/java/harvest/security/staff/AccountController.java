package harvest.security.staff;

import harvest.system.Roles;
import harvest.system.problem.ProblemResponses;
import harvest.system.web.Created;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;

/** Staff accounts, managed by admins. */
@SecurityRequirement(name = "bearer")
@Controller("/api/v1/accounts")
@Tag(name = "accounts")
@Secured(Roles.ADMIN)
@ProblemResponses
class AccountController {
    private final StaffAccounts accounts;

    public AccountController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Get
    @Operation(operationId = "listAccounts", summary = "Every staff account (there are a handful per county)")
    public List<StaffAccount> list() {
        return accounts.list();
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Created
    @Operation(operationId = "createAccount", summary = "Create a staff account with a role and an initial password")
    public HttpResponse<StaffAccount> create(@Body @Valid AccountRequest body) {
        StaffAccount created = accounts.create(body);
        return HttpResponse.created(created, URI.create("/api/v1/accounts/" + created.username()));
    }

    @Get("/{username}")
    @Operation(operationId = "getAccount", summary = "One staff account")
    public StaffAccount get(@PathVariable String username) {
        return accounts.get(username);
    }

    @Put("/{username}")
    @Operation(operationId = "updateAccount", summary = "Change an account's name, role, enabled flag or password; a new role, disabling or a new password ends its sessions")
    public StaffAccount update(@PathVariable String username, @Body @Valid AccountUpdate body) {
        return accounts.update(username, body);
    }
}
