package cn.tongban.catalog.internal;

import java.util.regex.Pattern;

/** The shapes of the codes in the seed files. */
final class SeedPatterns {

    /** Service, material, figure, region and rule-period codes; a service code is also a process key. */
    static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** The start of a service's receipt numbers (受理编号), e.g. DB-20230120-0001. */
    static final Pattern RECEIPT_PREFIX = Pattern.compile("[A-Z]{2,4}");
    /** Step ids are BPMN activity ids. */
    static final Pattern CAMEL = Pattern.compile("[a-z][a-zA-Z0-9]*");
    /** District and office codes go into group names, so plain lower-case ASCII. */
    static final Pattern PLAIN = Pattern.compile("[a-z][a-z0-9]*");
    /** 行政区划代码 */
    static final Pattern DIVISION_CODE = Pattern.compile("\\d{6}");

    private SeedPatterns() {
    }
}
