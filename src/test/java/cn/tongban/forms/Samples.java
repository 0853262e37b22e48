package cn.tongban.forms;

import static cn.tongban.forms.IdNumbers.withCheckCharacter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid submissions of the fixture forms, as JSON would give them; tests change one thing at a time. */
final class Samples {

    static final String APPLICANT_ID = withCheckCharacter("41010519800101123");
    static final String SPOUSE_ID = withCheckCharacter("41010519820202124");
    static final String CHILD_ID = withCheckCharacter("41010520100303125");
    static final String NEPHEW_ID = withCheckCharacter("41010520050505126");

    private Samples() {
    }

    static Map<String, Object> allComponents() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicantName", "张三");
        data.put("applicantIdNumber", APPLICANT_ID);
        data.put("contactPhone", "13800138000");
        data.put("contactEmail", "zhangsan@example.com");
        data.put("overseasPhone", "+85291234567");
        data.put("postcode", "450000");
        data.put("registeredDate", "2001-09-01");
        data.put("reason", "家庭收入低于当地标准。\n申请最低生活保障。");
        data.put("monthlyIncome", 1200.5);
        data.put("householdSize", 3);
        data.put("areaSquareMetres", "65.5");
        data.put("applicationDate", "2025-06-16");
        data.put("interviewDate", "2025-06-20");
        data.put("interviewTime", "09:30+08:00");
        data.put("appointmentAt", "2025-06-20T09:30");
        data.put("hasDisabledMember", true);
        data.put("disabilityCertificate", "41010519800101123X11");
        data.put("maritalStatus", "married");
        data.put("spouseIdNumber", SPOUSE_ID);
        data.put("district", "jinshui");
        data.put("township", "huayuanlu");
        data.put("materials", new ArrayList<>(List.of("idCard", "householdRegister")));
        data.put("specialGroups", new ArrayList<>(List.of("elderly")));
        data.put("address", new LinkedHashMap<>(Map.of("street", "花园路 1 号", "city", "郑州")));
        data.put("emergency", new LinkedHashMap<>(Map.of("name", "李四", "mobile", "13900139000")));
        List<Object> members = new ArrayList<>();
        members.add(new LinkedHashMap<>(Map.of("name", "张小三", "idNumber", CHILD_ID, "relation", "child",
                "monthlyIncome", 0)));
        members.add(new LinkedHashMap<>(Map.of("name", "王五", "idNumber", NEPHEW_ID, "relation", "other",
                "relationNote", "外甥")));
        data.put("members", members);
        data.put("caseOfficer", "王经办");
        data.put("remarks", "无");
        data.put("declaration", true);
        return data;
    }

    static Map<String, Object> household() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicant", new LinkedHashMap<>(Map.of("name", "张三", "hukouType", 2)));
        data.put("hasAssets", true);
        data.put("assets", new LinkedHashMap<>(Map.of("depositAmount", 5000, "ruralVehicle", true)));
        Map<String, Object> household = new LinkedHashMap<>();
        household.put("headName", "张三");
        household.put("members", new ArrayList<>(List.of(
                new LinkedHashMap<>(Map.of("idNumber", APPLICANT_ID, "groups", List.of("elderly"))),
                new LinkedHashMap<>(Map.of("idNumber", CHILD_ID, "groups", List.of("minor"))))));
        data.put("households", new ArrayList<>(List.of(household)));
        data.put("spouse", new LinkedHashMap<>(Map.of("name", "李梅", "marriedAt", "2010-05-01T02:00Z")));
        data.put("note", "无");
        return data;
    }

    /** Sets {@code value} at a path such as {@code members[1].idNumber} in a sample. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> data, String path, Object value) {
        FieldPath parsed = FieldPath.parse(path);
        Object current = data;
        List<Object> segments = parsed.segments();
        for (int i = 0; i < segments.size() - 1; i++) {
            Object segment = segments.get(i);
            current = segment instanceof Integer index ? ((List<Object>) current).get(index)
                    : ((Map<String, Object>) current).get((String) segment);
        }
        ((Map<String, Object>) current).put((String) segments.get(segments.size() - 1), value);
        return data;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> without(Map<String, Object> data, String path) {
        FieldPath parsed = FieldPath.parse(path);
        Object current = data;
        List<Object> segments = parsed.segments();
        for (int i = 0; i < segments.size() - 1; i++) {
            Object segment = segments.get(i);
            current = segment instanceof Integer index ? ((List<Object>) current).get(index)
                    : ((Map<String, Object>) current).get((String) segment);
        }
        ((Map<String, Object>) current).remove((String) segments.get(segments.size() - 1));
        return data;
    }
}
