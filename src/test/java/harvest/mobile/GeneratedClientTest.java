package harvest.mobile;

import harvest.client.ApiClient;
import harvest.client.ApiException;
import harvest.client.api.DispatchApi;
import harvest.client.api.DryingSitesApi;
import harvest.client.api.FarmersApi;
import harvest.client.api.FieldsApi;
import harvest.client.api.LedgerFilesApi;
import harvest.client.api.MachinesApi;
import harvest.client.api.PlansApi;
import harvest.client.api.SignInApi;
import harvest.client.model.AssignmentStatus;
import harvest.client.model.AssignmentStatusChange;
import harvest.client.model.CodeRequest;
import harvest.client.model.CodeSignIn;
import harvest.client.model.FinishReport;
import harvest.client.model.Itinerary;
import harvest.client.model.MovementRequest;
import harvest.client.model.NavigableJob;
import harvest.client.model.NotReadyReport;
import harvest.client.model.Plan;
import harvest.client.model.PlanRequest;
import harvest.client.model.PlanState;
import harvest.client.model.ProgressReport;
import harvest.client.model.StaffSignIn;
import harvest.client.model.Strategy;
import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.SettableClock;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mobile team's way in: a Java client generated from the committed contract with the generator's default
 * options (openapi-generator's `java` generator, whose default library is okhttp-gson; see pom.xml), used as
 * generated — the client applies the contract's bearer scheme itself — for the whole app flow against the running server.
 */
@MicronautTest(transactional = false)
class GeneratedClientTest extends DatabaseTest {
    /** The operator of the demo district's M0001. */
    private static final String OPERATOR = "+8613883014629";

    @Inject
    EmbeddedServer server;
    @Inject
    Api api;
    @Inject
    SettableClock clock;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.demo", "true", "harvest.sms.worker-enabled", "false", "harvest.dispatch.draft-interval", "1h");
    }

    private ApiClient client() {
        return new ApiClient().setBasePath(server.getURI().toString());
    }

    /** A client as the app holds it once signed in: the generated client applies the contract's bearer scheme. */
    private ApiClient client(String token) {
        ApiClient client = client();
        client.setBearerToken(token);
        return client;
    }

    private String signInByText(String phone) throws ApiException {
        SignInApi signIn = new SignInApi(client());
        signIn.sendSignInCode(new CodeRequest().phone(phone));
        return signIn.signInWithCode(new CodeSignIn().phone(phone).code(api.lastCode(phone))).getAccessToken();
    }

    @Test
    void the_app_flow_through_the_generated_client() throws Exception {
        clock.set(OffsetDateTime.parse("2023-05-28T06:00:00+08:00").toInstant());
        ApiClient staff = client(new SignInApi(client())
                .signIn(new StaffSignIn().username("test-admin").password("test admin passphrase")).getAccessToken());
        PlansApi plans = new PlansApi(staff);
        long plan = plans.createPlan(new PlanRequest().firstDay(LocalDate.parse("2023-05-28")).days(12).strategy(Strategy.GREEDY)).getId();
        await().until(() -> plans.getPlan(plan).getState() == PlanState.SOLVED);
        plans.publishPlan(plan);

        ApiClient operator = client(signInByText(OPERATOR));
        Itinerary itinerary = new PlansApi(operator).getMachineItinerary(plan, "M0001");
        List<NavigableJob> jobs = itinerary.getDays().stream().flatMap(day -> day.getJobs().stream()).toList();
        assertThat(jobs).hasSizeGreaterThanOrEqualTo(2);
        NavigableJob first = jobs.getFirst();
        assertThat(first.getNavigation()).startsWith("geo:");
        assertThat(first.getField().getName()).isNotBlank();

        DispatchApi dispatch = new DispatchApi(operator);
        String chunk = first.getChunkId();
        assertThat(dispatch.changeAssignmentStatus(plan, chunk, new AssignmentStatusChange().status(AssignmentStatus.CONFIRMED))
                .getStatus()).isEqualTo(AssignmentStatus.CONFIRMED);
        assertThat(dispatch.changeAssignmentStatus(plan, chunk, new AssignmentStatusChange().status(AssignmentStatus.IN_PROGRESS))
                .getStatus()).isEqualTo(AssignmentStatus.IN_PROGRESS);
        assertThat(dispatch.reportAssignmentProgress(plan, chunk, new ProgressReport().doneMu(1.0)).getStatus())
                .isEqualTo(AssignmentStatus.IN_PROGRESS);
        assertThat(dispatch.finishAssignment(plan, chunk, new FinishReport().actualMu(first.getAreaMu()).tonnes(1.5))
                .getStatus()).isEqualTo(AssignmentStatus.DONE);
        assertThat(dispatch.reportAssignmentBreakdown(plan, jobs.get(1).getChunkId()).getMachineCode()).isEqualTo("M0001");

        NavigableJob later = jobs.getLast();
        assertThat(later.getField().getCode()).isNotEqualTo(first.getField().getCode());
        String farmerPhone = new FarmersApi(staff).getFarmerByCode(later.getFarmer().getCode()).getPhone();
        DispatchApi farmer = new DispatchApi(client(signInByText(farmerPhone)));
        assertThat(farmer.reportFieldNotReady(new NotReadyReport().fieldCode(later.getField().getCode())).getFieldCode())
                .isEqualTo(later.getField().getCode());

        NavigableJob toSite = first;
        assertThat(toSite.getDryingSite()).as("the finished job's grain has a site").isNotNull();
        String contactPhone = new DryingSitesApi(staff).getDryingSiteByCode(toSite.getDryingSite().getCode()).getContactPhone();
        DryingSitesApi contact = new DryingSitesApi(client(signInByText(contactPhone)));
        assertThat(contact.recordDryingIntake(toSite.getDryingSite().getCode(),
                new MovementRequest().fieldCode(toSite.getField().getCode()).tonnes(new BigDecimal("1.5"))).getMovement().getTonnes())
                .isEqualByComparingTo("1.5");

        LedgerFilesApi files = new LedgerFilesApi(staff);
        File machines = files.exportLedger("machines", "csv", false);
        assertThat(Files.readString(machines.toPath(), StandardCharsets.UTF_8)).contains("M0001");
        assertThat(files.importLedger("machines", machines, true).getDryRun()).isTrue();
        assertThat(new MachinesApi(staff).getMachineByCode("M0001").getCode()).isEqualTo("M0001");
        assertThat(new FieldsApi(staff).getFieldByCode(first.getField().getCode()).getCode()).isEqualTo(first.getField().getCode());
    }
}
