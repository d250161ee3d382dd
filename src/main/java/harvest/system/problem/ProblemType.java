package harvest.system.problem;

import io.micronaut.http.HttpStatus;

/** The catalogue of problem types; their URIs are part of the API contract and never change. */
public enum ProblemType {
    VALIDATION(HttpStatus.UNPROCESSABLE_ENTITY, "validation", "The request is not valid"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "The request could not be read"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "No acceptable representation"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    PAYLOAD_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "The request body is too large"),
    DUPLICATE_CODE(HttpStatus.CONFLICT, "duplicate-code", "The code is already taken"),
    VERSION_CONFLICT(HttpStatus.CONFLICT, "version-conflict", "The resource was changed by someone else"),
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "If-Match does not match the current version"),
    PRECONDITION_REQUIRED(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "An If-Match header or a version is required"),
    RETIRED(HttpStatus.CONFLICT, "retired", "The resource is retired"),
    ILLEGAL_TRANSITION(HttpStatus.CONFLICT, "illegal-transition", "The status change is not allowed"),
    ALREADY_STORED(HttpStatus.CONFLICT, "already-stored", "This forecast issue was stored before"),
    PLAN_NOT_SOLVED(HttpStatus.CONFLICT, "plan-not-solved", "The plan has not been solved"),
    PLAN_NOT_PUBLISHED(HttpStatus.CONFLICT, "plan-not-published", "The plan is not the published plan"),
    PLANNER_BUSY(HttpStatus.TOO_MANY_REQUESTS, "planner-busy", "Every solver is busy and the queue is full"),
    DRYING_SITE_CLOSED(HttpStatus.CONFLICT, "drying-site-closed", "The open-air drying site is closed by rain"),
    DRYING_SITE_FULL(HttpStatus.CONFLICT, "drying-site-full", "The drying site has not that much room left today"),
    NOT_AT_SITE(HttpStatus.CONFLICT, "not-at-site", "The drying site does not hold that much of the field's grain"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests from this client; retry later"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in first: a valid, unrevoked bearer token is required"),
    SIGN_IN_FAILED(HttpStatus.UNAUTHORIZED, "sign-in-failed", "The credentials were not accepted"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Your role or your ledger entries do not allow this"),
    SMS_QUOTA(HttpStatus.TOO_MANY_REQUESTS, "sms-quota", "The texts this account may queue today are used up"),
    BAD_SIGNATURE(HttpStatus.FORBIDDEN, "bad-signature", "The request is not signed by the SMS provider"),
    IMPORT_REJECTED(HttpStatus.UNPROCESSABLE_ENTITY, "import-rejected", "The ledger has bad rows; nothing was written"),
    UNREADABLE_FILE(HttpStatus.UNPROCESSABLE_ENTITY, "unreadable-file", "The uploaded file could not be read"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error");

    private static final String BASE = "https://harvest.example.org/problems/";

    private final HttpStatus status;
    private final String slug;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    /** The generic type for errors raised by the framework itself (routing, body decoding, limits). */
    public static ProblemType forStatus(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> NOT_FOUND;
            case UNAUTHORIZED -> UNAUTHORIZED;
            case FORBIDDEN -> FORBIDDEN;
            case METHOD_NOT_ALLOWED -> METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> NOT_ACCEPTABLE;
            case UNSUPPORTED_MEDIA_TYPE -> UNSUPPORTED_MEDIA_TYPE;
            case REQUEST_ENTITY_TOO_LARGE -> PAYLOAD_TOO_LARGE;
            case UNPROCESSABLE_ENTITY -> VALIDATION;
            case PRECONDITION_FAILED -> PRECONDITION_FAILED;
            default -> status.getCode() >= 500 ? INTERNAL : MALFORMED_REQUEST;
        };
    }
}
