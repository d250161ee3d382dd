package harvest.demo;

import harvest.ledger.ImportReport;
import harvest.ledger.LedgerImporter;
import harvest.ledger.LedgerKind;
import harvest.ledger.sheet.LedgerBundle;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import harvest.weather.ForecastService;
import harvest.weather.ForecastSummary;
import harvest.weather.ForecastUpload;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Loads the demo district (Weidu District, June 2023: ledgers and the storm's forecast) at start-up when
 * {@code harvest.demo=true}. Imports upsert by code and a stored forecast issue is not stored twice, so
 * restarting with the flag is harmless.
 */
@Singleton
@Requires(property = "harvest.demo", value = "true")
public class DemoDistrict {
    private static final Logger LOG = LoggerFactory.getLogger(DemoDistrict.class);
    private static final String FOLDER = "/demo-district/";

    private final LedgerImporter importer;
    private final ForecastService forecasts;
    private final JsonMapper json;

    public DemoDistrict(LedgerImporter importer, ForecastService forecasts, JsonMapper json) {
        this.importer = importer;
        this.forecasts = forecasts;
        this.json = json;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        LedgerBundle bundle = new LedgerBundle();
        for (LedgerKind kind : LedgerKind.values()) {
            bundle.add(kind.fileName() + ".csv", read(kind.fileName() + ".csv"));
        }
        ImportReport report = importer.importSheets(bundle.sheets(), List.of(), false);
        LOG.info("Demo district ledgers loaded: {}", report.ledgers());
        try {
            ForecastUpload forecast = json.readValue(read("forecast.json"), ForecastUpload.class);
            LOG.info("Demo district forecast loaded: {}", forecasts.receive(forecast, ForecastSummary.Channel.PUSH).forecast());
        } catch (ProblemException e) {
            if (e.type() != ProblemType.ALREADY_STORED) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = DemoDistrict.class.getResourceAsStream(FOLDER + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
