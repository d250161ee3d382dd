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

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mobile team's way in: a Java client generated from the committed contract with the generator's default
 * options (openapi-generator's `java` generator, `native` library; see pom.xml), used as generated — the token goes
 * in through the methods' own headers parameter — for the whole app flow against the running server.
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
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.getURI().toString());
        return client;
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private String signInByText(String phone) throws ApiException {
        SignInApi signIn = new SignInApi(client());
        signIn.sendSignInCode(new CodeRequest().phone(phone));
        return signIn.signInWithCode(new CodeSignIn().phone(phone).code(api.lastCode(phone))).getAccessToken();
    }

    @Test
    void the_app_flow_through_the_generated_client() throws Exception {
        clock.set(OffsetDateTime.parse("2023-05-28T06:00:00+08:00").toInstant());
        Map<String, String> staff = bearer(new SignInApi(client())
                .signIn(new StaffSignIn().username("test-admin").password("test admin passphrase")).getAccessToken());
        PlansApi plans = new PlansApi(client());
        long plan = plans.createPlan(new PlanRequest().firstDay(LocalDate.parse("2023-05-28")).days(12).strategy(Strategy.GREEDY), staff).getId();
        await().until(() -> plans.getPlan(plan, staff).getState() == PlanState.SOLVED);
        plans.publishPlan(plan, staff);

        Map<String, String> operator = bearer(signInByText(OPERATOR));
        Itinerary itinerary = plans.getMachineItinerary(plan, "M0001", operator);
        List<NavigableJob> jobs = itinerary.getDays().stream().flatMap(day -> day.getJobs().stream()).toList();
        assertThat(jobs).hasSizeGreaterThanOrEqualTo(2);
        NavigableJob first = jobs.getFirst();
        assertThat(first.getNavigation()).startsWith("geo:");
        assertThat(first.getField().getName()).isNotBlank();

        DispatchApi dispatch = new DispatchApi(client());
        String chunk = first.getChunkId();
        assertThat(dispatch.changeAssignmentStatus(plan, chunk, new AssignmentStatusChange().status(AssignmentStatus.CONFIRMED), operator)
                .getStatus()).isEqualTo(AssignmentStatus.CONFIRMED);
        assertThat(dispatch.changeAssignmentStatus(plan, chunk, new AssignmentStatusChange().status(AssignmentStatus.IN_PROGRESS), operator)
                .getStatus()).isEqualTo(AssignmentStatus.IN_PROGRESS);
        assertThat(dispatch.reportAssignmentProgress(plan, chunk, new ProgressReport().doneMu(1.0), operator).getStatus())
                .isEqualTo(AssignmentStatus.IN_PROGRESS);
        assertThat(dispatch.finishAssignment(plan, chunk, new FinishReport().actualMu(first.getAreaMu()).tonnes(1.5), operator)
                .getStatus()).isEqualTo(AssignmentStatus.DONE);
        assertThat(dispatch.reportAssignmentBreakdown(plan, jobs.get(1).getChunkId(), operator).getMachineCode()).isEqualTo("M0001");

        NavigableJob later = jobs.getLast();
        assertThat(later.getField().getCode()).isNotEqualTo(first.getField().getCode());
        String farmerPhone = new FarmersApi(client()).getFarmerByCode(later.getFarmer().getCode(), staff).getPhone();
        Map<String, String> farmer = bearer(signInByText(farmerPhone));
        assertThat(dispatch.reportFieldNotReady(new NotReadyReport().fieldCode(later.getField().getCode()), farmer).getFieldCode())
                .isEqualTo(later.getField().getCode());

        NavigableJob toSite = first;
        assertThat(toSite.getDryingSite()).as("the finished job's grain has a site").isNotNull();
        String contactPhone = new DryingSitesApi(client()).getDryingSiteByCode(toSite.getDryingSite().getCode(), staff).getContactPhone();
        Map<String, String> contact = bearer(signInByText(contactPhone));
        assertThat(new DryingSitesApi(client()).recordDryingIntake(toSite.getDryingSite().getCode(),
                new MovementRequest().fieldCode(toSite.getField().getCode()).tonnes(new BigDecimal("1.5")), contact).getMovement().getTonnes())
                .isEqualByComparingTo("1.5");

        LedgerFilesApi files = new LedgerFilesApi(client());
        byte[] machines = files.exportLedger("machines", "csv", false, staff);
        assertThat(new String(machines, StandardCharsets.UTF_8)).contains("M0001");
        assertThat(files.importLedger("machines", machines, true, staff).getDryRun()).isTrue();
        assertThat(new MachinesApi(client()).getMachineByCode("M0001", staff).getCode()).isEqualTo("M0001");
        assertThat(new FieldsApi(client()).getFieldByCode(first.getField().getCode(), staff).getCode()).isEqualTo(first.getField().getCode());
    }
}
