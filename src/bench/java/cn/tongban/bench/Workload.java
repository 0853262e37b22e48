package cn.tongban.bench;

import cn.tongban.testsupport.SampleApplications;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What the clients send: a 低保 application as the portal sends it, and the baseline's variables. */
final class Workload {

    static final String DIBAO = "minimum-living-allowance";
    static final String APPLICANT = "zhangsan";
    static final String REVIEWER = "reviewer.jinshui";
    static final String REVIEWER_GROUP = "township-jinshui";
    static final String SUPERVISOR = "supervisor";
    static final String PASSWORD = "demo";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Workload() {
    }

    /** A 低保 household of three in Jinshui, with an e-mail address of its own. */
    static String dibaoApplication() {
        Map<String, Object> data = SampleApplications.minimumLivingAllowance();
        data.put("declaredMonthlyIncome", 1500.5);
        return json(Map.of("serviceCode", DIBAO, "data", data));
    }

    static String acceptDecision() {
        return json(Map.of("variables", Map.of("acceptanceDecision", "ACCEPT")));
    }

    /** {@code count} variables of the kinds an application has: texts, numbers, flags. */
    static Map<String, Object> baselineVariables(int count, int operation) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Object value = switch (i % 3) {
                case 0 -> "value " + operation + "/" + i;
                case 1 -> operation + i;
                default -> i % 2 == 0;
            };
            variables.put("v" + i, value);
        }
        return variables;
    }

    /** The same variables as the engine's REST API takes them. */
    static String restStart(int count, int operation) {
        Map<String, Object> variables = new LinkedHashMap<>();
        baselineVariables(count, operation).forEach((name, value) -> variables.put(name, Map.of("value", value,
                "type", value instanceof String ? "String" : value instanceof Integer ? "Integer" : "Boolean")));
        return json(Map.of("businessKey", "BENCH-" + UUID.randomUUID(), "variables", variables));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
