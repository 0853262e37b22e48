package cn.tongban.calendar;

import cn.tongban.calendar.InvalidArrangementException.Problem;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The arrangement file format (seeds/calendar/&lt;year&gt;.json):
 * <pre>
 * {"year": 2023, "notice": "国务院办公厅关于2023年部分节假日安排的通知", "source": "https://…",
 *  "holidays": [{"name": "春节", "nameEn": "Spring Festival", "days": ["2023-01-21", …]}, …],
 *  "makeupWorkdays": [{"date": "2023-01-28", "for": "春节"}, …]}
 * </pre>
 * Read with the tree model rather than data binding so that every problem is reported with its path
 * and a message an administrator can act on; unknown fields are refused because a misspelt field
 * would otherwise silently drop days.
 */
final class ArrangementJson {

    /** Far above any real notice (about 3 KB); stops a wrong upload from being read into memory whole. */
    static final int MAX_BYTES = 64 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static final Set<String> ROOT_FIELDS = Set.of("year", "notice", "source", "holidays", "makeupWorkdays");
    private static final Set<String> HOLIDAY_FIELDS = Set.of("name", "nameEn", "days");
    private static final Set<String> MAKEUP_FIELDS = Set.of("date", "for");

    private ArrangementJson() {
    }

    static HolidayArrangement read(byte[] json, String documentName) {
        if (json == null || json.length == 0) {
            throw invalid(documentName, "文件为空 / the file is empty");
        }
        if (json.length > MAX_BYTES) {
            throw invalid(documentName, "文件过大（上限 " + MAX_BYTES / 1024 + " KB） / the file is too large (limit "
                    + MAX_BYTES / 1024 + " KB): " + json.length + " bytes");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (行/line " + at.getLineNr() + ", 列/column " + at.getColumnNr() + ")";
            throw invalid(documentName, "不是有效的 JSON / not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(documentName, "无法读取文件 / the file cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid(documentName, "文件须为一个 JSON 对象 / the file must hold one JSON object");
        }

        var problems = new ArrayList<Problem>();
        unknownFields(root, ROOT_FIELDS, "", problems);
        Integer year = year(root.get("year"), problems);
        String notice = text(root.get("notice"), "notice", true, problems);
        String source = text(root.get("source"), "source", false, problems);

        var holidays = new ArrayList<HolidayArrangement.Holiday>();
        for (JsonNode item : array(root.get("holidays"), "holidays", problems)) {
            String at = "holidays[" + holidays.size() + "]";
            holidays.add(holiday(item, at, problems));
        }
        var makeups = new ArrayList<HolidayArrangement.MakeupWorkday>();
        int index = 0;
        for (JsonNode item : array(root.get("makeupWorkdays"), "makeupWorkdays", problems)) {
            makeup(item, "makeupWorkdays[" + index++ + "]", problems).ifPresent(makeups::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidArrangementException(problems);
        }
        return new HolidayArrangement(year, notice, source, holidays, makeups);
    }

    static String write(HolidayArrangement arrangement) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("year", arrangement.year());
        root.put("notice", arrangement.notice());
        if (arrangement.source() != null) {
            root.put("source", arrangement.source());
        }
        ArrayNode holidays = root.putArray("holidays");
        for (HolidayArrangement.Holiday holiday : arrangement.holidays()) {
            ObjectNode h = holidays.addObject();
            h.put("name", holiday.name());
            h.put("nameEn", holiday.nameEn());
            ArrayNode days = h.putArray("days");
            holiday.days().forEach(d -> days.add(d.toString()));
        }
        ArrayNode makeups = root.putArray("makeupWorkdays");
        for (HolidayArrangement.MakeupWorkday makeup : arrangement.makeupWorkdays()) {
            makeups.addObject().put("date", makeup.date().toString()).put("for", makeup.forHoliday());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static HolidayArrangement.Holiday holiday(JsonNode item, String at, List<Problem> problems) {
        if (!item.isObject()) {
            problems.add(new Problem(at, "须为对象 {name, nameEn, days} / must be an object {name, nameEn, days}"));
            return new HolidayArrangement.Holiday(null, null, List.of());
        }
        unknownFields(item, HOLIDAY_FIELDS, at + ".", problems);
        String name = text(item.get("name"), at + ".name", true, problems);
        String nameEn = text(item.get("nameEn"), at + ".nameEn", true, problems);
        var days = new ArrayList<LocalDate>();
        int index = 0;
        for (JsonNode day : array(item.get("days"), at + ".days", problems)) {
            date(day, at + ".days[" + index++ + "]", problems).ifPresent(days::add);
        }
        return new HolidayArrangement.Holiday(name, nameEn, days);
    }

    private static Optional<HolidayArrangement.MakeupWorkday> makeup(JsonNode item, String at,
                                                                              List<Problem> problems) {
        if (!item.isObject()) {
            problems.add(new Problem(at, "须为对象 {date, for} / must be an object {date, for}"));
            return Optional.empty();
        }
        unknownFields(item, MAKEUP_FIELDS, at + ".", problems);
        String forHoliday = text(item.get("for"), at + ".for", true, problems);
        return date(item.get("date"), at + ".date", problems)
                .map(date -> new HolidayArrangement.MakeupWorkday(date, forHoliday));
    }

    private static Integer year(JsonNode node, List<Problem> problems) {
        if (node == null || node.isNull()) {
            problems.add(new Problem("year", "缺少年份 / the year is missing"));
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problems.add(new Problem("year", "年份须为整数，如 2024 / the year must be a whole number such as 2024: "
                    + node));
            return null;
        }
        return node.intValue();
    }

    private static String text(JsonNode node, String at, boolean required, List<Problem> problems) {
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new Problem(at, "缺少此项 / this field is missing"));
            }
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Problem(at, "须为字符串 / must be a string: " + node));
            return null;
        }
        return node.textValue();
    }

    private static Iterable<JsonNode> array(JsonNode node, String at, List<Problem> problems) {
        if (node == null || node.isNull()) {
            problems.add(new Problem(at, "缺少此项（可为空数组 []） / this field is missing (an empty list [] is allowed)"));
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(new Problem(at, "须为数组 / must be a list: " + node));
            return List.of();
        }
        return node;
    }

    private static Optional<LocalDate> date(JsonNode node, String at, List<Problem> problems) {
        if (node == null || node.isNull()) {
            problems.add(new Problem(at, "缺少日期 / the date is missing"));
            return Optional.empty();
        }
        if (node.isTextual()) {
            try {
                return Optional.of(LocalDate.parse(node.textValue()));
            } catch (DateTimeParseException e) {
                // reported below, together with non-text values
            }
        }
        problems.add(new Problem(at, "不是有效日期（格式 yyyy-MM-dd） / not a valid date (format yyyy-MM-dd): "
                + (node.isTextual() ? node.textValue() : node.toString())));
        return Optional.empty();
    }

    private static void unknownFields(JsonNode object, Set<String> known, String prefix, List<Problem> problems) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new Problem(prefix + name, "未知字段（可用：" + String.join(", ", known.stream().sorted().toList())
                        + "） / unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")"));
            }
        }
    }

    private static InvalidArrangementException invalid(String documentName, String message) {
        return new InvalidArrangementException(List.of(new Problem(documentName, message)));
    }
}
