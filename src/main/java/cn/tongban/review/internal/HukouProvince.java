package cn.tongban.review.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The province-level division (省级行政区) of a party's permanent household registration (常住户口), by its
 * six-digit administrative-division code. Mainland only: the cross-province service is for mainland residents.
 */
enum HukouProvince {
    BEIJING("110000"),
    TIANJIN("120000"),
    HEBEI("130000"),
    SHANXI("140000"),
    INNER_MONGOLIA("150000"),
    LIAONING("210000"),
    JILIN("220000"),
    HEILONGJIANG("230000"),
    SHANGHAI("310000"),
    JIANGSU("320000"),
    ZHEJIANG("330000"),
    ANHUI("340000"),
    FUJIAN("350000"),
    JIANGXI("360000"),
    SHANDONG("370000"),
    HENAN("410000"),
    HUBEI("420000"),
    HUNAN("430000"),
    GUANGDONG("440000"),
    GUANGXI("450000"),
    HAINAN("460000"),
    CHONGQING("500000"),
    SICHUAN("510000"),
    GUIZHOU("520000"),
    YUNNAN("530000"),
    TIBET("540000"),
    SHAANXI("610000"),
    GANSU("620000"),
    QINGHAI("630000"),
    NINGXIA("640000"),
    XINJIANG("650000");

    /** Where the city's registration offices are: Zhengzhou is in Henan. */
    static final HukouProvince OFFICE_PROVINCE = HENAN;

    private final String code;

    HukouProvince(String code) {
        this.code = code;
    }

    static Optional<HukouProvince> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
