package harvest.sms.inbound;

import harvest.system.Roles;
import harvest.system.problem.ProblemResponses;
import harvest.system.web.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@Secured(Roles.VIEWER)
@SecurityRequirement(name = "bearer")
@Controller("/api/v1/sms/inbound")
@Tag(name = "sms")
@ProblemResponses
class InboundController {
    private final InboundStore inbound;

    public InboundController(InboundStore inbound) {
        this.inbound = inbound;
    }

    @Get
    @Operation(operationId = "listInboundTexts", summary = "Texts received, newest first, with the intent read and the action taken; needsAttention=true for the dispatcher's queue")
    public PageResponse<InboundText> list(@Nullable @QueryValue Boolean needsAttention,
                                          @QueryValue(defaultValue = "0") @Min(0) int page,
                                          @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        return PageResponse.of(inbound.list(needsAttention, page, size), page, size, inbound.count(needsAttention));
    }
}
