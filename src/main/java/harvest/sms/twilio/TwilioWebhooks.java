package harvest.sms.twilio;

import com.twilio.rest.api.v2010.account.Message;
import com.twilio.security.RequestValidator;
import harvest.sms.inbound.ReplyHandler;
import harvest.sms.outbox.OutboxLeases;
import harvest.system.problem.Problem;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemResponses;
import harvest.system.problem.ProblemType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;

/**
 * Twilio's webhooks: delivery status callbacks and texts people send. Both must carry a valid
 * X-Twilio-Signature over the exact URL Twilio called (the configured public base URL behind a proxy).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/v1/sms/twilio")
@Tag(name = "sms")
@ProblemResponses
@ApiResponse(responseCode = "403", description = "Missing or bad X-Twilio-Signature",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TwilioWebhooks {
    static final String STATUS_PATH = "/api/v1/sms/twilio/status";
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final TwilioSettings twilio;
    private final OutboxLeases leases;
    private final ReplyHandler replies;

    TwilioWebhooks(TwilioSettings twilio, OutboxLeases leases, ReplyHandler replies) {
        this.twilio = twilio;
        this.leases = leases;
        this.replies = replies;
    }

    @Post(value = "/status", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "receiveTwilioStatus", summary = "Twilio delivery status callback (MessageSid, MessageStatus, ErrorCode); late or repeated callbacks never undo a final state")
    @ApiResponse(responseCode = "204", description = "Recorded")
    public HttpResponse<Void> status(HttpRequest<?> request, @Nullable @Header("X-Twilio-Signature") String signature,
                                     @Body @Schema(implementation = StatusForm.class) Map<String, String> form) {
        verify(request, signature, form);
        String sid = required(form, "MessageSid");
        String status = required(form, "MessageStatus");
        leases.delivery(sid, TwilioSender.status(Message.Status.forValue(status)), errorCode(form));
        return HttpResponse.noContent();
    }

    @Post(value = "/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_XML)
    @Operation(operationId = "receiveTwilioText", summary = "A text someone sent (MessageSid, From, Body): read, acted on once per MessageSid, answered with empty TwiML (replies go through the outbox)")
    @ApiResponse(responseCode = "200", description = "Taken", content = @Content(mediaType = MediaType.TEXT_XML, schema = @Schema(type = "string")))
    public HttpResponse<String> inbound(HttpRequest<?> request, @Nullable @Header("X-Twilio-Signature") String signature,
                                        @Body @Schema(implementation = StatusForm.class) Map<String, String> form) {
        verify(request, signature, form);
        replies.handle(required(form, "MessageSid"), required(form, "From"), form.getOrDefault("Body", ""));
        return HttpResponse.ok(EMPTY_TWIML).contentType(MediaType.TEXT_XML_TYPE);
    }

    private void verify(HttpRequest<?> request, @Nullable String signature, Map<String, String> form) {
        String token = twilio.authTokenIfSet().orElseThrow(() -> new ProblemException(ProblemType.BAD_SIGNATURE,
                "no Twilio account is configured, so no webhook can be verified"));
        if (signature == null || !new RequestValidator(token).validate(publicUrl(request), form, signature)) {
            throw new ProblemException(ProblemType.BAD_SIGNATURE, "X-Twilio-Signature is missing or does not match this request");
        }
    }

    /** The URL Twilio called: the configured public base, else this request's own host, with path and query. */
    private String publicUrl(HttpRequest<?> request) {
        String base = twilio.webhookBaseUrlIfSet().orElseGet(() -> "http://" + request.getHeaders().get("Host"));
        return base + request.getUri().toString();
    }

    /** A signature proves who sent the form, not that it is well-formed. */
    private static Integer errorCode(Map<String, String> form) {
        String error = form.get("ErrorCode");
        if (error == null || error.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(error.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("ErrorCode", "must be Twilio's numeric error code");
        }
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(name, "is required");
        }
        return value;
    }

    /*
     * The forms as Twilio posts them, for the contract alone: the handlers read a Map because the signature covers
     * every field posted, including ones Twilio adds later and these do not name.
     */

    @Schema(description = "A delivery status callback; Twilio may add fields", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
    record StatusForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String MessageSid,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "queued, sent, delivered, undelivered, failed, ...") String MessageStatus,
                      @Nullable @Schema(description = "Twilio's numeric error code, when the text was not delivered") String ErrorCode,
                      @Nullable String AccountSid, @Nullable String From, @Nullable String To, @Nullable String ApiVersion) {
    }

    @Schema(description = "A text someone sent; Twilio may add fields", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
    record TextForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String MessageSid,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The sender, E.164") String From,
                    @Nullable String To, @Nullable @Schema(description = "The text; absent or empty for a picture alone") String Body,
                    @Nullable String AccountSid, @Nullable String MessagingServiceSid, @Nullable String NumMedia,
                    @Nullable String NumSegments, @Nullable String ApiVersion) {
    }
}
