package harvest.sms.texts;

import harvest.dispatch.report.DispatchTotals;
import harvest.sms.outbox.Segments;
import harvest.sms.outbox.SmsLanguage;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The catalogue's texts for a published plan (DESIGN.md, "SMS the service sends"), in Chinese and English. A
 * text with more lines than fit in the configured number of SMS parts lists what fits and says how many more.
 */
public final class SmsTemplates {
    private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("M月d日");
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMM");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter WHEN_ZH = DateTimeFormatter.ofPattern("M月d日HH:mm");
    private static final DateTimeFormatter WHEN_EN = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final int maxSegments;

    public SmsTemplates(int maxSegments) {
        this.maxSegments = maxSegments;
    }

    /** One job of an operator's day. */
    public record Job(OffsetDateTime start, String field, double areaMu, String farmer, String farmerPhone, String dryingSite) {
    }

    /** One field of a farmer's, as planned. */
    public record Harvest(String field, OffsetDateTime start, OffsetDateTime end, String plate, String operatorPhone,
                          String dryingSite) {
    }

    /** One household a team helps. */
    public record Task(OffsetDateTime start, String farmer, String farmerPhone, String field) {
    }

    public String itinerary(SmsLanguage language, String plate, String operator, OffsetDateTime day, List<Job> jobs, String aidStation) {
        return switch (language) {
            case ZH -> fit("【三夏调度】" + plate + " " + operator + "：" + DAY_ZH.format(day) + "作业" + jobs.size() + "块：",
                    jobs.stream().map(j -> TIME.format(j.start()) + " " + j.field() + " " + mu(j.areaMu()) + "亩 "
                            + j.farmer() + " " + j.farmerPhone() + " 送" + j.dryingSite() + "；").toList(),
                    "急救点：" + aidStation + "。回复1确认", "等另%d块；");
            case EN -> fit("Harvest dispatch, " + plate + " " + operator + ": " + jobs.size() + " jobs on " + DAY_EN.format(day) + ": ",
                    jobs.stream().map(j -> TIME.format(j.start()) + " " + j.field() + " " + mu(j.areaMu()) + " mu "
                            + j.farmer() + " " + j.farmerPhone() + " to " + j.dryingSite() + "; ").toList(),
                    "Aid: " + aidStation + ". Reply 1 to confirm", "and %d more. ");
        };
    }

    public String fieldNotice(SmsLanguage language, String farmer, List<Harvest> harvests) {
        return switch (language) {
            case ZH -> fit("【三夏调度】" + farmer + "您好，您的地块预计收割：",
                    harvests.stream().map(h -> h.field() + " " + WHEN_ZH.format(h.start()) + "-" + TIME.format(h.end())
                            + " 机号" + h.plate() + " 机手" + h.operatorPhone() + " 粮送" + h.dryingSite() + "；").toList(),
                    "回复1确认，2改期，TD退订", "等另%d块；");
            case EN -> fit("Harvest dispatch: dear " + farmer + ", your fields are planned: ",
                    harvests.stream().map(h -> h.field() + " " + WHEN_EN.format(h.start()) + "-" + TIME.format(h.end())
                            + " combine " + h.plate() + " operator " + h.operatorPhone() + " grain to " + h.dryingSite() + "; ").toList(),
                    "Reply 1 to confirm, 2 to reschedule, STOP to opt out", "and %d more. ");
        };
    }

    public String teamTask(SmsLanguage language, String team, OffsetDateTime day, List<Task> tasks) {
        return switch (language) {
            case ZH -> fit("【三夏调度】" + team + "：" + DAY_ZH.format(day) + "帮扶" + tasks.size() + "户：",
                    tasks.stream().map(t -> TIME.format(t.start()) + " " + t.farmer() + " " + t.farmerPhone() + " " + t.field() + "；").toList(),
                    "回复1确认", "等另%d户；");
            case EN -> fit("Harvest dispatch, " + team + ": " + tasks.size() + " households on " + DAY_EN.format(day) + ": ",
                    tasks.stream().map(t -> TIME.format(t.start()) + " " + t.farmer() + " " + t.farmerPhone() + " " + t.field() + "; ").toList(),
                    "Reply 1 to confirm", "and %d more. ");
        };
    }

    /**
     * One change a revision made for someone: the field's new time (and combine, for its farmer), or null when
     * the job is taken off them; {@code rain} when the weather is why.
     */
    public record Change(String field, @Nullable OffsetDateTime start, @Nullable OffsetDateTime end, @Nullable String plate,
                         @Nullable String operatorPhone, boolean rain) {
    }

    /** For an operator (by plate) or a team leader (by team name): jobs given to them and taken off them. */
    public String changes(SmsLanguage language, String who, List<Change> changes) {
        return switch (language) {
            case ZH -> fit("【三夏调度】" + who + " 计划调整：", changes.stream().map(c -> c.field() + (c.start() == null
                    ? " 取消" + (c.rain() ? "（因降雨）" : "") : " 改为" + WHEN_ZH.format(c.start())) + "；").toList(),
                    "回复1确认", "等另%d项；");
            case EN -> fit("Harvest dispatch, " + who + ": plan changed: ", changes.stream().map(c -> c.field() + (c.start() == null
                    ? " cancelled" + (c.rain() ? " because of rain" : "") : " now " + WHEN_EN.format(c.start())) + "; ").toList(),
                    "Reply 1 to confirm", "and %d more. ");
        };
    }

    public String farmerChanges(SmsLanguage language, String farmer, List<Change> changes) {
        return switch (language) {
            case ZH -> fit("【三夏调度】" + farmer + "您好，收割安排调整：", changes.stream().map(c -> c.field() + (c.start() == null
                    ? " 暂停" + (c.rain() ? "（因降雨）" : "") + "，另行通知"
                    : " " + WHEN_ZH.format(c.start()) + "-" + TIME.format(c.end()) + " 机号" + c.plate() + " 机手" + c.operatorPhone()) + "；").toList(),
                    "回复1确认，2改期", "等另%d块；");
            case EN -> fit("Harvest dispatch: dear " + farmer + ", your harvest changed: ", changes.stream().map(c -> c.field() + (c.start() == null
                    ? " on hold" + (c.rain() ? " because of rain" : "") + ", we will text again"
                    : " " + WHEN_EN.format(c.start()) + "-" + TIME.format(c.end()) + " combine " + c.plate() + " operator " + c.operatorPhone()) + "; ").toList(),
                    "Reply 1 to confirm, 2 to reschedule", "and %d more. ");
        };
    }

    /** Says nothing of who the number belongs to: anyone can type any number into the app. */
    public String signInCode(SmsLanguage language, String code, long minutes) {
        return switch (language) {
            case ZH -> "【三夏调度】登录验证码 " + code + "，" + minutes + "分钟内有效。请勿告诉他人；如非本人操作请忽略。";
            case EN -> "Harvest dispatch sign-in code " + code + ", valid " + minutes + " minutes. Do not share it; ignore this text if you did not ask for it.";
        };
    }

    /** Grain expected at a drying site in one block of the day. */
    public record Intake(OffsetDateTime from, OffsetDateTime to, long kg) {
    }

    public String dryingIntake(SmsLanguage language, String site, OffsetDateTime day, List<Intake> blocks) {
        long total = blocks.stream().mapToLong(Intake::kg).sum();
        return switch (language) {
            case ZH -> fit("【三夏调度】" + site + " " + DAY_ZH.format(day) + "预计收粮" + tonnes(total) + "吨：",
                    blocks.stream().map(b -> TIME.format(b.from()) + "-" + TIME.format(b.to()) + " " + tonnes(b.kg()) + "吨；").toList(),
                    "请备足人手和烘干能力", "等另%d段；");
            case EN -> fit("Harvest dispatch, " + site + ": " + tonnes(total) + " t expected on " + DAY_EN.format(day) + ": ",
                    blocks.stream().map(b -> TIME.format(b.from()) + "-" + TIME.format(b.to()) + " " + tonnes(b.kg()) + " t; ").toList(),
                    "Please have staff and drying capacity ready", "and %d more. ");
        };
    }

    private static String tonnes(long kg) {
        return String.valueOf(Math.round(kg / 100.0) / 10.0);
    }

    /** A published job whose slot the latest forecast puts under rain or drying out. */
    public record Threatened(String field, OffsetDateTime start) {
    }

    public String rainAlert(SmsLanguage language, String plate, List<Threatened> jobs) {
        return switch (language) {
            case ZH -> fit("【三夏调度】降雨预警 " + plate + "：新预报有雨，",
                    jobs.stream().map(j -> j.field() + "（" + WHEN_ZH.format(j.start()) + "）").toList(),
                    "受影响。能抢先收就先收，已收的粮食请苫盖，等待调度调整。", "等另%d块");
            case EN -> fit("Harvest dispatch RAIN ALERT, " + plate + ": the new forecast brings rain over ",
                    jobs.stream().map(j -> j.field() + " (" + WHEN_EN.format(j.start()) + ") ").toList(),
                    ". Harvest early where you can, cover harvested grain, and wait for the revised plan.", "and %d more ");
        };
    }

    /** The evening's daily dispatch numbers for the bureau's leaders. */
    public String dailySummary(SmsLanguage language, LocalDate day, DispatchTotals d) {
        return switch (language) {
            case ZH -> "【日调度】" + DAY_ZH.format(day) + " 全区已收" + mu(d.harvestedToDateMu()) + "/" + mu(d.totalMu()) + "亩（"
                    + d.percentComplete() + "%），今日" + mu(d.harvestedTodayMu()) + "亩；成熟未收" + mu(d.ripeRemainingMu()) + "亩，风险地块"
                    + d.fieldsAtRisk() + "块；机器作业" + d.machinesWorking() + "台、空闲" + d.machinesIdle() + "台、故障" + d.machinesBroken()
                    + "台（外调" + d.machinesBorrowed() + "台）；烘干今日收" + mu(d.dryingIntakeTonnes()) + "/" + mu(d.dryingCapacityTonnes())
                    + "吨，待烘" + mu(d.tonnesWaiting()) + "吨；志愿队完成" + d.teamTasksDone() + "项；预计损失"
                    + mu(d.expectedLossKg() / 1000) + "吨。";
            case EN -> "Daily dispatch " + DAY_EN.format(day) + ": " + mu(d.harvestedToDateMu()) + " of " + mu(d.totalMu()) + " mu harvested ("
                    + d.percentComplete() + "%), " + mu(d.harvestedTodayMu()) + " today; " + mu(d.ripeRemainingMu()) + " mu ripe standing, "
                    + d.fieldsAtRisk() + " fields at risk; combines " + d.machinesWorking() + " working, " + d.machinesIdle() + " idle, "
                    + d.machinesBroken() + " broken (" + d.machinesBorrowed() + " borrowed); drying " + mu(d.dryingIntakeTonnes()) + " of "
                    + mu(d.dryingCapacityTonnes()) + " t today, " + mu(d.tonnesWaiting()) + " t waiting; " + d.teamTasksDone()
                    + " team tasks done; expected loss " + mu(d.expectedLossKg() / 1000) + " t.";
        };
    }

    public String help(SmsLanguage language) {
        return switch (language) {
            case ZH -> "【三夏调度】可回复：1确认，2改期，完成，故障，TD退订，START恢复，帮助。其他事项请致电调度室。";
            case EN -> "Harvest dispatch. Reply 1 to confirm, 2 to reschedule, DONE when finished, BREAKDOWN if the combine"
                    + " broke, STOP to opt out, START to opt in, HELP for this text. Anything else: call the dispatch office.";
        };
    }

    /** Head, as many lines as fit, "and n more" if some did not, then the tail. */
    private String fit(String head, List<String> lines, String tail, String more) {
        StringBuilder body = new StringBuilder(head);
        for (int i = 0; i < lines.size(); i++) {
            String rest = i + 1 < lines.size() ? more.formatted(lines.size() - i - 1) : "";
            if (Segments.of(body + lines.get(i) + rest + tail).count() > maxSegments && i > 0) {
                body.append(more.formatted(lines.size() - i));
                return body + tail;
            }
            body.append(lines.get(i));
        }
        return body + tail;
    }

    private static String mu(double areaMu) {
        return areaMu == Math.rint(areaMu) ? String.valueOf((long) areaMu) : String.valueOf(Math.round(areaMu * 10) / 10.0);
    }
}
