package cn.tongban.identity;

/** A district (区/县) of the city, e.g. {@code jinshui} 金水区. */
public record District(String code, String nameZh, String nameEn) {
}
