package cn.tongban.notify.internal;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
@EnableScheduling
class NotifyConfiguration {

    /** The system property by which Jakarta Mail takes its stream provider by name. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    /**
     * Jakarta Mail 2.1 looks its stream provider up through ServiceLoader, reading every jar of the class path
     * again, for each header it encodes or decodes: measured, that was about 40% of the time of sending a mail.
     * Named, it is loaded by name. A value given on the command line stays.
     */
    NotifyConfiguration() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, MailStreamProvider.class.getName());
        }
    }
}
