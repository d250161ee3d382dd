package harvest.ledger;

import harvest.system.Roles;
import harvest.system.web.Created;
import harvest.system.web.ExpectedVersion;
import harvest.system.web.ListQuery;
import harvest.system.web.PageResponse;
import harvest.system.web.Versioned;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.Set;
import java.util.function.Function;

/**
 * The REST shape every ledger shares: create, read by id or code, update under optimistic locking, retire, list.
 * A feature's controller extends this and adds its list filters.
 * <p>
 * The contract needs one operation id per ledger for each of these. A controller's
 * {@code @OpenAPIDecorator(opIdSuffix = "Field", addAlways = false)} appends its noun to the inherited methods' names
 * (createField, getField, updateField, retireField) and leaves the ids it writes itself as written: micronaut-openapi
 * reads a subclass's own methods twice, and two readings whose ids differ are merged with their parameters reordered.
 */
public abstract class LedgerEndpoints<E extends LedgerEntity, R extends LedgerRequest<E>, P> {
    protected final Ledger<E, R> ledger;
    private final Function<E, P> view;

    protected LedgerEndpoints(Ledger<E, R> ledger, Function<E, P> view) {
        this.ledger = ledger;
        this.view = view;
    }

    @Secured(Roles.DISPATCHER)
    @Post
    @Operation(summary = "Create an entry; its code must be new")
    @Status(HttpStatus.CREATED)
    @Created
    public HttpResponse<P> create(@Body @Valid R body, HttpRequest<?> http) {
        E created = ledger.create(body);
        return withEtag(HttpResponse.created(view.apply(created), URI.create(http.getPath() + "/" + created.id())), created);
    }

    @Secured(Roles.VIEWER)
    @Get("/{id}")
    @Operation(summary = "Read an entry by id; the ETag is its version")
    @Versioned
    public HttpResponse<P> get(@PathVariable long id) {
        return ok(ledger.get(id));
    }

    /**
     * Each controller overrides this only to name it, as a suffix cannot put the noun inside the id (getFieldByCode);
     * the override keeps the route, the rule, the parameter binding and the summary declared here.
     */
    @Secured(Roles.VIEWER)
    @Get("/code/{code}")
    @Operation(summary = "Read an entry by the bureau's code")
    @Versioned
    public HttpResponse<P> getByCode(@PathVariable String code) {
        return ok(ledger.getByCode(code));
    }

    @Secured(Roles.DISPATCHER)
    @Put("/{id}")
    @Operation(summary = "Replace an entry's values; send If-Match or the version you read")
    @Versioned
    public HttpResponse<P> update(@PathVariable long id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch,
                                  @Body @Valid R body) {
        return ok(ledger.update(id, ExpectedVersion.required(ifMatch, body.version()), body));
    }

    @Secured(Roles.DISPATCHER)
    @Delete("/{id}")
    @Operation(summary = "Retire an entry: it leaves the lists but history keeps it")
    @Versioned
    public HttpResponse<P> retire(@PathVariable long id, @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(ledger.retire(id, ExpectedVersion.optional(ifMatch, null)));
    }

    protected PageResponse<P> page(Filter<E> filter, ListQuery query, Set<String> sortable) {
        return PageResponse.of(ledger.list(filter.spec(), query.pageable(sortable)), view);
    }

    protected HttpResponse<P> ok(E entity) {
        return withEtag(HttpResponse.ok(view.apply(entity)), entity);
    }

    private static <B> MutableHttpResponse<B> withEtag(MutableHttpResponse<B> response, LedgerEntity entity) {
        return response.header(HttpHeaders.ETAG, ExpectedVersion.etagOf(entity.version()));
    }
}
