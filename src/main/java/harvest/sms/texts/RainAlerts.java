package harvest.sms.texts;

import harvest.dispatch.RainThreatened;
import harvest.field.Field;
import harvest.field.FieldLedger;
import harvest.machine.Machine;
import harvest.machine.MachineLedger;
import harvest.planning.Assignment;
import harvest.sms.SmsSettings;
import harvest.sms.outbox.SmsKind;
import harvest.sms.outbox.SmsLanguage;
import harvest.sms.outbox.SmsOutbox;
import harvest.sms.outbox.SmsRecipient;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every operator whose published work a new forecast puts in rain gets an urgent text (sent even in quiet hours),
 * queued in the forecast's own transaction.
 */
@Singleton
public class RainAlerts implements ApplicationEventListener<RainThreatened> {
    private final FieldLedger fields;
    private final MachineLedger machines;
    private final SmsOutbox outbox;
    private final SmsSettings settings;

    public RainAlerts(FieldLedger fields, MachineLedger machines, SmsOutbox outbox, SmsSettings settings) {
        this.fields = fields;
        this.machines = machines;
        this.outbox = outbox;
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(RainThreatened event) {
        Map<String, Field> fieldsByCode = fields.all(true).stream().collect(Collectors.toMap(Field::code, Function.identity()));
        Map<String, List<Assignment>> byMachine = event.threatened().stream()
                .collect(Collectors.groupingBy(Assignment::machineCode, TreeMap::new, Collectors.toList()));
        SmsTemplates templates = new SmsTemplates(settings.getMaxSegments());
        List<SmsOutbox.NewText> texts = new ArrayList<>();
        byMachine.forEach((code, jobs) -> {
            Machine machine = machines.getByCode(code);
            if (machine.operatorPhone() != null) {
                texts.add(new SmsOutbox.NewText(SmsKind.RAIN_ALERT, SmsRecipient.OPERATOR, code, machine.operatorPhone(), SmsLanguage.ZH,
                        templates.rainAlert(SmsLanguage.ZH, machine.plate() == null ? code : machine.plate(), jobs.stream()
                                .map(a -> new SmsTemplates.Threatened(fieldsByCode.get(a.fieldCode()).name(), a.start())).toList()),
                        true, event.planId(), jobs.stream().map(Assignment::chunkId).toList()));
            }
        });
        outbox.queue(texts, settings.getValidity());
    }
}
