package harvest.sms.outbox;

import harvest.sms.texts.Broadcast;
import harvest.sms.texts.BroadcastPreview;
import harvest.sms.texts.Broadcasts;
import harvest.system.Roles;
import harvest.system.problem.ProblemResponses;
import harvest.system.problem.TooManyRequests;
import harvest.system.web.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@Secured(Roles.VIEWER)
@SecurityRequirement(name = "bearer")
@Controller("/api/v1/sms")
@Tag(name = "sms")
@ProblemResponses
class SmsController {
    private final SmsOutbox outbox;
    private final Broadcasts broadcasts;

    public SmsController(SmsOutbox outbox, Broadcasts broadcasts) {
        this.outbox = outbox;
        this.broadcasts = broadcasts;
    }

    @Secured(Roles.DISPATCHER)
    @Post("/broadcasts/preview")
    @Operation(operationId = "previewBroadcast", summary = "Who a broadcast would reach (opted-out numbers left out), in how many parts, at what estimated cost; nothing is sent")
    public BroadcastPreview preview(@Body @Valid Broadcast broadcast) {
        return broadcasts.preview(broadcast);
    }

    @Secured(Roles.DISPATCHER)
    @Post("/broadcasts")
    @Operation(operationId = "sendBroadcast", summary = "Queue a broadcast to a community's farmers, all operators or all team leaders; urgent (a rain alert) goes out even in quiet hours")
    @ApiResponse(responseCode = "202", description = "Queued", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BroadcastPreview.class)))
    @TooManyRequests
    public HttpResponse<BroadcastPreview> broadcast(@Body @Valid Broadcast broadcast) {
        return HttpResponse.accepted().body(broadcasts.send(broadcast));
    }

    @Get("/messages")
    @Operation(operationId = "listSmsMessages", summary = "Texts, newest first: queued, sent, delivered, simulated in the sandbox, or failed with the provider's code")
    public PageResponse<SmsMessage> list(@Nullable @QueryValue String phone, @Nullable @QueryValue SmsStatus status,
                                         @Nullable @QueryValue Long plan,
                                         @Parameter(description = "Texts about this assignment (chunk id, e.g. P000123#1)") @Nullable @QueryValue String assignment,
                                         @QueryValue(defaultValue = "0") @Min(0) int page,
                                         @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        SmsOutbox.Filter filter = new SmsOutbox.Filter(phone, status, plan, assignment);
        return PageResponse.of(outbox.list(filter, null, page, size), page, size, outbox.count(filter));
    }

    @Get("/messages/{id}")
    @Operation(operationId = "getSmsMessage", summary = "One text")
    public SmsMessage get(@PathVariable long id) {
        return outbox.get(id);
    }
}
