package cn.tongban.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * The text of a form-js text view as safe HTML: the Markdown a form author writes for explanations (headings,
 * paragraphs, bullet and numbered lists, bold, italics, code) and {@code {{variable}}} placeholders filled with
 * form data. Everything is escaped first, so neither the form nor the data can inject markup; placeholders are
 * filled after the Markdown is done, so data cannot become Markdown either. Links and raw HTML are shown as text.
 */
final class Markdown {

    private static final Pattern HEADING = Pattern.compile("(#{1,6})\\s+(.*?)\\s*#*\\s*");
    private static final Pattern BULLET = Pattern.compile("[-*+]\\s+(.*)");
    private static final Pattern NUMBERED = Pattern.compile("\\d{1,9}[.)]\\s+(.*)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*)\\s*}}");
    private static final Pattern OTHER_TEMPLATE = Pattern.compile("\\{\\{[^}]*}}");

    private Markdown() {
    }

    /** @param shown how a placeholder's value reads, given its path and value */
    static String toHtml(String text, Map<String, ?> data, BiFunction<String, Object, String> shown) {
        if (text == null || text.startsWith("=")) {
            // a FEEL expression is evaluated by the browser only
            return "";
        }
        StringBuilder html = new StringBuilder();
        List<String> paragraph = new ArrayList<>();
        String list = null;
        for (String raw : HtmlUtils.htmlEscape(text).replace("\r\n", "\n").split("\n", -1)) {
            String line = raw.strip();
            Matcher heading = HEADING.matcher(line);
            Matcher bullet = BULLET.matcher(line);
            Matcher numbered = NUMBERED.matcher(line);
            String item = bullet.matches() ? bullet.group(1) : numbered.matches() ? numbered.group(1) : null;
            String itemList = bullet.matches() ? "ul" : "ol";
            if (line.isEmpty() || heading.matches() || item != null) {
                paragraph(html, paragraph);
            }
            if (list != null && (item == null || !list.equals(itemList))) {
                html.append("</").append(list).append('>');
                list = null;
            }
            if (heading.matches()) {
                int level = heading.group(1).length();
                html.append("<h").append(level).append(" class=\"h6\">").append(inline(heading.group(2)))
                        .append("</h").append(level).append('>');
            } else if (item != null) {
                if (list == null) {
                    list = itemList;
                    html.append('<').append(list).append('>');
                }
                html.append("<li>").append(inline(item)).append("</li>");
            } else if (!line.isEmpty()) {
                paragraph.add(line);
            }
        }
        paragraph(html, paragraph);
        if (list != null) {
            html.append("</").append(list).append('>');
        }
        return fill(html.toString(), data, shown);
    }

    private static void paragraph(StringBuilder html, List<String> lines) {
        if (!lines.isEmpty()) {
            html.append("<p>").append(inline(String.join(" ", lines))).append("</p>");
            lines.clear();
        }
    }

    private static String inline(String escaped) {
        return escaped
                .replaceAll("`([^`]+)`", "<code>$1</code>")
                .replaceAll("\\*\\*(\\S(?:.*?\\S)?)\\*\\*", "<strong>$1</strong>")
                .replaceAll("__(\\S(?:.*?\\S)?)__", "<strong>$1</strong>")
                .replaceAll("(?<![*\\w])\\*(\\S(?:.*?\\S)?)\\*(?![*\\w])", "<em>$1</em>")
                .replaceAll("(?<![_\\w])_(\\S(?:.*?\\S)?)_(?![_\\w])", "<em>$1</em>");
    }

    /** A value of several lines (the items of a correction notice) keeps its lines. */
    private static String lines(String escaped) {
        return String.join("<br>", escaped.strip().split("\\s*\\R\\s*"));
    }

    private static String fill(String html, Map<String, ?> data, BiFunction<String, Object, String> shown) {
        Matcher matcher = PLACEHOLDER.matcher(html);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            Object value = data;
            for (String name : matcher.group(1).split("\\.")) {
                value = value instanceof Map<?, ?> map ? map.get(name) : null;
            }
            matcher.appendReplacement(filled,
                    Matcher.quoteReplacement(lines(HtmlUtils.htmlEscape(shown.apply(matcher.group(1), value)))));
        }
        matcher.appendTail(filled);
        return OTHER_TEMPLATE.matcher(filled).replaceAll("");
    }
}
