package harvest.sms.texts;

import harvest.community.CommunityLedger;
import harvest.farmer.FarmerLedger;
import harvest.machine.MachineKind;
import harvest.machine.MachineLedger;
import harvest.sms.SmsSettings;
import harvest.sms.outbox.Segments;
import harvest.sms.outbox.SmsKind;
import harvest.sms.outbox.SmsLanguage;
import harvest.sms.outbox.SmsOptOuts;
import harvest.sms.outbox.SmsOutbox;
import harvest.sms.outbox.SmsRecipient;
import harvest.system.Actor;
import harvest.system.DistrictTime;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import harvest.team.TeamLedger;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A dispatcher's broadcast: its audience from the ledgers, its cost, and the texts queued in one transaction. */
@Singleton
public class Broadcasts {
    private final FarmerLedger farmers;
    private final MachineLedger machines;
    private final TeamLedger teams;
    private final CommunityLedger communities;
    private final SmsOutbox outbox;
    private final SmsOptOuts optOuts;
    private final SmsSettings settings;
    private final Clock clock;

    public Broadcasts(FarmerLedger farmers, MachineLedger machines, TeamLedger teams, CommunityLedger communities,
                      SmsOutbox outbox, SmsOptOuts optOuts, SmsSettings settings, Clock clock) {
        this.farmers = farmers;
        this.machines = machines;
        this.teams = teams;
        this.communities = communities;
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.settings = settings;
        this.clock = clock;
    }

    private record Recipient(SmsRecipient role, String code, SmsLanguage language) {
    }

    public BroadcastPreview preview(Broadcast broadcast) {
        return summary(broadcast, audience(broadcast), 0);
    }

    @Transactional
    public BroadcastPreview send(Broadcast broadcast) {
        Map<String, Recipient> audience = audience(broadcast);
        Map<String, Recipient> reachable = new TreeMap<>(audience);
        reachable.keySet().removeIf(optOuts::optedOut);
        int used = outbox.requestedToday(Actor.current(), SmsKind.BROADCAST);
        if (used + reachable.size() > settings.getAccountDailyBroadcasts()) {
            throw new ProblemException(ProblemType.SMS_QUOTA, "this broadcast would queue " + reachable.size() + " texts; "
                    + (settings.getAccountDailyBroadcasts() - used) + " of this account's " + settings.getAccountDailyBroadcasts()
                    + " broadcast texts a day are left").retryAfter(secondsUntilTomorrow());
        }
        outbox.queue(reachable.entrySet().stream().map(e -> new SmsOutbox.NewText(SmsKind.BROADCAST, e.getValue().role(),
                e.getValue().code(), e.getKey(), e.getValue().language(), broadcast.body(), Boolean.TRUE.equals(broadcast.urgent()), null))
                .toList(), settings.getValidity());
        return summary(broadcast, audience, reachable.size());
    }

    /** The quota counts the district's day (SmsOutbox.requestedToday), so it is whole again at the district's midnight. */
    private int secondsUntilTomorrow() {
        ZonedDateTime now = clock.instant().atZone(DistrictTime.ZONE);
        ZonedDateTime midnight = now.toLocalDate().plusDays(1).atStartOfDay(DistrictTime.ZONE);
        return (int) Math.max(1, Duration.between(now, midnight).toSeconds());
    }

    /** Phone number to recipient: one text per number even if it appears twice in the ledgers. */
    private Map<String, Recipient> audience(Broadcast broadcast) {
        Map<String, Recipient> audience = new TreeMap<>();
        switch (broadcast.audience()) {
            case COMMUNITY -> {
                if (broadcast.community() == null) {
                    throw ProblemException.invalid("community", "is required for a COMMUNITY broadcast");
                }
                communities.getByCode(broadcast.community());
                farmers.all(false).stream().filter(f -> f.communityCode().equals(broadcast.community()) && f.phone() != null)
                        .forEach(f -> audience.putIfAbsent(f.phone(), new Recipient(SmsRecipient.FARMER, f.code(), SmsLanguage.of(f.language()))));
            }
            case OPERATORS -> machines.all(false).stream().filter(m -> m.kind() == MachineKind.COMBINE && m.operatorPhone() != null)
                    .forEach(m -> audience.putIfAbsent(m.operatorPhone(), new Recipient(SmsRecipient.OPERATOR, m.code(), SmsLanguage.ZH)));
            case TEAM_LEADERS -> teams.all(false).stream().filter(t -> Objects.nonNull(t.leaderPhone()))
                    .forEach(t -> audience.putIfAbsent(t.leaderPhone(), new Recipient(SmsRecipient.TEAM_LEADER, t.code(), SmsLanguage.ZH)));
        }
        return audience;
    }

    private BroadcastPreview summary(Broadcast broadcast, Map<String, Recipient> audience, int queued) {
        Segments segments = Segments.of(broadcast.body());
        if (segments.count() > settings.getMaxSegments()) {
            throw ProblemException.invalid("body", "takes " + segments.count() + " SMS parts (" + segments.encoding()
                    + "); at most " + settings.getMaxSegments() + " are allowed");
        }
        List<String> reachable = audience.keySet().stream().filter(phone -> !optOuts.optedOut(phone)).toList();
        int total = reachable.size() * segments.count();
        return new BroadcastPreview(reachable.size(), audience.size() - reachable.size(), segments.encoding(), segments.count(), total,
                settings.getPricePerSegment().multiply(BigDecimal.valueOf(total)), settings.getCurrency(),
                reachable.stream().limit(10).toList(), queued);
    }
}
