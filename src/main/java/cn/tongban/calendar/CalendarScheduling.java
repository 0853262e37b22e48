package cn.tongban.calendar;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link CalendarService#refreshFromOtherNodes()} so that every node of a cluster uses the same calendar. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CalendarScheduling {
}
