package cn.tongban.review.workbench;

import cn.tongban.review.TaskFilter;
import cn.tongban.sla.SlaState;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Filters and page of the task list, carried into a task and back, so that the reviewer returns to the list as
 * they left it. In links they are the list's own query parameters; in the task page's forms they travel as
 * hidden fields prefixed with {@code _}, which form submissions ignore.
 */
record ListState(String service, String step, SlaState slaState, TaskFilter.Sort sort, int page, int size) {

    static final int DEFAULT_SIZE = 20;
    static final String POSTED_PREFIX = "_";

    /** From request parameters, e.g. the task page's link or a post's hidden fields; bad values fall back. */
    static ListState from(Map<String, String[]> parameters, String prefix) {
        Function<String, String> value = name -> {
            String[] values = parameters.get(prefix + name);
            return values == null || values.length == 0 || values[0].isBlank() ? null : values[0].strip();
        };
        return new ListState(value.apply("service"), value.apply("step"), state(value.apply("slaState")),
                sort(value.apply("sort")), number(value.apply("page"), 0, 0, TaskApiController.MAX_PAGE),
                number(value.apply("size"), DEFAULT_SIZE, 1, TaskApiController.MAX_SIZE));
    }

    /** The first page of the list a filter shows. */
    static ListState of(TaskFilter filter, int size) {
        return new ListState(filter.service(), filter.step(), filter.slaState(), filter.sort(), 0, size);
    }

    TaskFilter filter() {
        return new TaskFilter(service, step, slaState, sort);
    }

    ListState withPage(int newPage) {
        return new ListState(service, step, slaState, sort, newPage, size);
    }

    ListState withSlaState(SlaState state) {
        return new ListState(service, step, state, sort, 0, size);
    }

    /** The list as the state shows it. */
    String listUrl() {
        return url("/tasks");
    }

    /** A task page that leads back to this list. */
    String taskUrl(String taskId) {
        return url("/tasks/" + taskId);
    }

    /** The state as hidden fields of a form on the task page. */
    Map<String, String> hiddenFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        parameters().forEach((name, value) -> fields.put(POSTED_PREFIX + name, value));
        return fields;
    }

    private String url(String path) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        parameters().forEach(url::queryParam);
        return url.encode().build().toUriString();
    }

    private Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (service != null) {
            parameters.put("service", service);
        }
        if (step != null) {
            parameters.put("step", step);
        }
        if (slaState != null) {
            parameters.put("slaState", slaState.name());
        }
        if (sort != null && sort != TaskFilter.Sort.DEADLINE) {
            parameters.put("sort", sort.name());
        }
        if (page != 0) {
            parameters.put("page", Integer.toString(page));
        }
        if (size != DEFAULT_SIZE) {
            parameters.put("size", Integer.toString(size));
        }
        return parameters;
    }

    private static SlaState state(String text) {
        return Arrays.stream(SlaState.values()).filter(state -> state.name().equals(text)).findFirst().orElse(null);
    }

    private static TaskFilter.Sort sort(String text) {
        return Arrays.stream(TaskFilter.Sort.values()).filter(sort -> sort.name().equals(text)).findFirst()
                .orElse(null);
    }

    private static int number(String text, int fallback, int min, int max) {
        if (text == null || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
            return fallback;
        }
        int number = Integer.parseInt(text);
        return number < min || number > max ? fallback : number;
    }
}
