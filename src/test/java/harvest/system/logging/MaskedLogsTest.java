package harvest.system.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Both configurations, as the application and the tests load them, write no phone number in full. */
class MaskedLogsTest {
    @ParameterizedTest
    @ValueSource(strings = {"/logback.xml", "/logback-test.xml"})
    void messages_arguments_and_exceptions_are_masked(String configuration) throws JoranException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource(configuration));
        Logger logger = context.getLogger("harvest.sms.SmsWorker");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR,
                "text to {} failed; farmer 电话+8613987654321", new IllegalStateException("'To' number +8613812345678 is not valid"),
                new Object[]{"+8613812345678"});

        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> stdout =
                (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
        String line = new String(stdout.getEncoder().encode(event), StandardCharsets.UTF_8);

        assertThat(line).contains("+86138****5678", "+86139****4321", "is not valid", "IllegalStateException")
                .doesNotContain("8613812345678", "8613987654321");
        context.stop();
    }
}
