package harvest.sms;

import harvest.system.problem.ProblemResponses;
import harvest.system.web.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.openapi.annotation.OpenAPIDecorator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@Controller("/api/v1/sms/messages")
@Tag(name = "sms")
@OpenAPIDecorator(opIdSuffix = "SmsMessage", addAlways = true)
@ProblemResponses
public class SmsController {
    private final SmsOutbox outbox;

    public SmsController(SmsOutbox outbox) {
        this.outbox = outbox;
    }

    @Get
    @Operation(operationId = "listSmsMessages", summary = "Texts, newest first: queued, sent, delivered, simulated in the sandbox, or failed with the provider's code")
    public PageResponse<SmsMessage> list(@Nullable @QueryValue String phone, @Nullable @QueryValue SmsStatus status,
                                         @Nullable @QueryValue Long plan,
                                         @QueryValue(defaultValue = "0") @Min(0) int page,
                                         @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        return PageResponse.of(outbox.list(phone, status, plan, null, page, size), page, size, outbox.count(phone, status, plan));
    }

    @Get("/{id}")
    @Operation(summary = "One text")
    public SmsMessage get(@PathVariable long id) {
        return outbox.get(id);
    }
}
