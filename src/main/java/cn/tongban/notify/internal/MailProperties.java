package cn.tongban.notify.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param from sender address of every mail Tongban sends */
@ConfigurationProperties("tongban.mail")
record MailProperties(@DefaultValue("tongban@mzj.zhengzhou.example") String from) {
}
