package harvest.ledger;

import harvest.ledger.sheet.CsvSheets;
import harvest.ledger.sheet.LedgerBundle;
import harvest.ledger.sheet.SheetFormat;
import harvest.ledger.sheet.SheetDownload;
import harvest.ledger.sheet.XlsxSheets;
import harvest.system.Roles;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

@Secured(Roles.VIEWER)
@SecurityRequirement(name = "bearer")
@Controller("/api/v1/ledgers")
@Tag(name = "ledger-files")
@ProblemResponses
class LedgerFileController {
    private static final String ZIP = "application/zip";
    /** What a ledger file part may be; a part's file name (fields.csv, machines.xlsx) tells the server which. */
    private static final String SHEET_TYPES = SheetFormat.CSV_TYPE + ", " + SheetFormat.XLSX_TYPE;

    private final LedgerImporter importer;
    private final LedgerExporter exporter;

    public LedgerFileController(LedgerImporter importer, LedgerExporter exporter) {
        this.importer = importer;
        this.exporter = exporter;
    }

    @Secured(Roles.DISPATCHER)
    @Post(value = "/{ledger}/import", consumes = {SheetFormat.CSV_TYPE, SheetFormat.XLSX_TYPE})
    @Operation(operationId = "importLedger", summary = "Import one ledger file (CSV or XLSX); upsert by code, all-or-nothing")
    @RequestBody(required = true, description = "The file's bytes as they are, its Content-Type saying CSV or XLSX", content = {
            @Content(mediaType = SheetFormat.CSV_TYPE, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = SheetFormat.XLSX_TYPE, schema = @Schema(type = "string", format = "binary"))})
    public ImportReport importLedger(
            @Parameter(schema = @Schema(allowableValues = {"communities", "farmers", "fields", "machines", "drying_sites", "teams", "aid_stations"}))
            @PathVariable String ledger,
            @QueryValue(defaultValue = "false") boolean dryRun, @Body @Schema(type = "string", format = "binary") byte[] file, HttpRequest<?> request) {
        LedgerKind kind = kindOf(ledger);
        SheetFormat format = SheetFormat.ofMediaType(request.getContentType().orElse(null));
        var sheet = format == SheetFormat.XLSX ? XlsxSheets.read(file) : CsvSheets.read(file);
        return importer.importSheets(Map.of(kind, sheet), List.of(), dryRun);
    }

    @Secured(Roles.DISPATCHER)
    @Post(value = "/bundle", consumes = ZIP)
    @Operation(operationId = "importLedgerBundle", summary = "Import a scenario bundle: a zip of ledger files named after their ledger (fields.csv, machines.xlsx, ...)")
    @RequestBody(required = true, description = "The zip's bytes as they are",
            content = @Content(mediaType = ZIP, schema = @Schema(type = "string", format = "binary")))
    public ImportReport importZip(@QueryValue(defaultValue = "false") boolean dryRun, @Body @Schema(type = "string", format = "binary") byte[] zip) {
        LedgerBundle bundle = LedgerBundle.ofZip(zip);
        return importer.importSheets(bundle.sheets(), bundle.ignored(), dryRun);
    }

    @Secured(Roles.DISPATCHER)
    @Post(value = "/bundle/parts", consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "importLedgerBundleParts", summary = "Import a scenario bundle as multipart: one file part per ledger, named after the ledger")
    @RequestBody(required = true, description = "At least one part; each a CSV or XLSX file whose file name has its extension",
            content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, encoding = {
                    @Encoding(name = "communities", contentType = SHEET_TYPES),
                    @Encoding(name = "farmers", contentType = SHEET_TYPES),
                    @Encoding(name = "fields", contentType = SHEET_TYPES),
                    @Encoding(name = "machines", contentType = SHEET_TYPES),
                    @Encoding(name = "drying_sites", contentType = SHEET_TYPES),
                    @Encoding(name = "teams", contentType = SHEET_TYPES),
                    @Encoding(name = "aid_stations", contentType = SHEET_TYPES)}))
    public ImportReport importParts(@QueryValue(defaultValue = "false") boolean dryRun,
                                    @Nullable CompletedFileUpload communities, @Nullable CompletedFileUpload farmers,
                                    @Nullable CompletedFileUpload fields, @Nullable CompletedFileUpload machines,
                                    @Nullable @Part("drying_sites") @Schema(name = "drying_sites") CompletedFileUpload dryingSites,
                                    @Nullable CompletedFileUpload teams,
                                    @Nullable @Part("aid_stations") @Schema(name = "aid_stations") CompletedFileUpload aidStations) {
        Map<LedgerKind, CompletedFileUpload> uploads = new EnumMap<>(LedgerKind.class);
        uploads.put(LedgerKind.COMMUNITIES, communities);
        uploads.put(LedgerKind.FARMERS, farmers);
        uploads.put(LedgerKind.FIELDS, fields);
        uploads.put(LedgerKind.MACHINES, machines);
        uploads.put(LedgerKind.DRYING_SITES, dryingSites);
        uploads.put(LedgerKind.TEAMS, teams);
        uploads.put(LedgerKind.AID_STATIONS, aidStations);
        LedgerBundle bundle = new LedgerBundle();
        uploads.forEach((kind, upload) -> {
            if (upload != null) {
                bundle.add(kind.fileName() + SheetFormat.ofFileName(upload.getFilename()).extension(), bytesOf(upload));
            }
        });
        if (bundle.sheets().isEmpty()) {
            throw ProblemException.invalid("parts", "send at least one ledger file part, named after its ledger (e.g. fields)");
        }
        return importer.importSheets(bundle.sheets(), bundle.ignored(), dryRun);
    }

    @Get(value = "/{ledger}/export", produces = {SheetFormat.CSV_TYPE, SheetFormat.XLSX_TYPE})
    @Operation(operationId = "exportLedger", summary = "Export a ledger in its import columns; text that spreadsheets would run as a formula is neutralised")
    @SheetDownload
    public HttpResponse<byte[]> export(
            @Parameter(schema = @Schema(allowableValues = {"communities", "farmers", "fields", "machines", "drying_sites", "teams", "aid_stations"}))
            @PathVariable String ledger,
            @Parameter(schema = @Schema(allowableValues = {"csv", "xlsx"})) @QueryValue(defaultValue = "csv") String format,
            @QueryValue(defaultValue = "false") boolean includeRetired) {
        LedgerKind kind = kindOf(ledger);
        SheetFormat sheetFormat = SheetFormat.ofParameter(format);
        return HttpResponse.ok(exporter.export(kind, sheetFormat, includeRetired))
                .contentType(sheetFormat.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + kind.fileName() + sheetFormat.extension() + "\"");
    }

    private static LedgerKind kindOf(String ledger) {
        return LedgerKind.ofFileName(ledger).orElseThrow(() -> ProblemException.notFound("ledger '" + ledger + "'"));
    }

    private static byte[] bytesOf(CompletedFileUpload upload) {
        try {
            return upload.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
