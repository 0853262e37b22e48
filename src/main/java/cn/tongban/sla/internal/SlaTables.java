package cn.tongban.sla.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The dashboard's tables as downloads: CSV (UTF-8 with a byte-order mark so that Excel reads Chinese, RFC 4180
 * quoting, text that a spreadsheet would take for a formula prefixed with an apostrophe) and Excel (.xlsx).
 * Headers are in the caller's language; figures are the same as the API's, from {@link SlaOverview}.
 */
@Component
class SlaTables {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The breaches one export holds at most, latest first. */
    static final int MAX_BREACHES = 50_000;
    /** The tables there are, by the name in the URL. */
    static final List<String> NAMES = List.of("on-time-by-service", "on-time-by-district", "on-time-by-step",
            "open-by-state", "breaches");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final SlaOverview overview;
    private final MessageSource messages;

    SlaTables(SlaOverview overview, MessageSource messages) {
        this.overview = overview;
        this.messages = messages;
    }

    /** A table: a title, headers and rows of String, Number, OffsetDateTime or null cells. */
    record Table(String title, List<String> headers, List<List<Object>> rows) {
    }

    ResponseEntity<byte[]> export(String name, String format, SlaOverview.Filters filters, SlaReports.Filter filter,
                                  Locale locale) {
        if (!NAMES.contains(name) || !("csv".equals(format) || "xlsx".equals(format))) {
            throw SlaOverview.problem(HttpStatus.NOT_FOUND, "无此导出 / no export " + name + "." + format
                    + "; tables: " + NAMES + ", formats: csv, xlsx");
        }
        Table table = table(name, filters, filter, locale);
        boolean csv = "csv".equals(format);
        String period = (filters.from() == null ? "" : "_" + filters.from())
                + (filters.to() == null ? "" : "_" + filters.to());
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("sla-" + name + period + "." + format).build().toString())
                .body(csv ? csv(table) : xlsx(table));
    }

    Table table(String name, SlaOverview.Filters filters, SlaReports.Filter filter, Locale locale) {
        return switch (name) {
            case "breaches" -> breaches(filter, locale);
            case "on-time-by-service" -> onTime(name, locale, overview.summary(filters, filter).byService(),
                    List.of("service", "serviceName"), s -> List.of(s.service(), s.name()),
                    SlaOverview.ServiceFigures::figures);
            case "on-time-by-district" -> onTime(name, locale, overview.summary(filters, filter).byDistrict(),
                    List.of("district", "districtName"), d -> Arrays.asList(d.district(), d.name()),
                    SlaOverview.DistrictFigures::figures);
            case "on-time-by-step" -> onTime(name, locale, overview.summary(filters, filter).bySteps(),
                    List.of("service", "step", "stepName"), s -> List.of(s.service(), s.step(), s.name()),
                    SlaOverview.StepFigures::figures);
            case "open-by-state" -> openByState(overview.summary(filters, filter), locale);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private <T> Table onTime(String name, Locale locale, List<T> groups, List<String> keyHeaders,
                             Function<T, List<Object>> key, Function<T, SlaReports.Figures> figures) {
        List<String> headers = new ArrayList<>();
        keyHeaders.forEach(h -> headers.add(label("sla.col." + h, locale)));
        for (String h : List.of("closed", "closedOnTime", "onTimeRate", "open", "breaches")) {
            headers.add(label("sla.col." + h, locale));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (T group : groups) {
            SlaReports.Figures f = figures.apply(group);
            List<Object> row = new ArrayList<>(key.apply(group));
            row.addAll(Arrays.asList(f.closed(), f.closedOnTime(), f.onTimeRate(), f.open().total(), f.breaches()));
            rows.add(row);
        }
        return new Table(label("sla.table." + name, locale), headers, rows);
    }

    private Table openByState(SlaOverview.Summary summary, Locale locale) {
        List<String> headers = new ArrayList<>();
        for (String h : List.of("district", "districtName", "open", "ON_TRACK", "DUE_SOON", "OVERDUE", "clockStopped")) {
            headers.add(label("sla.col." + h, locale));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SlaOverview.DistrictFigures d : summary.byDistrict()) {
            SlaReports.OpenCounts open = d.figures().open();
            rows.add(Arrays.asList(d.district(), d.name(), open.total(), open.onTrack(), open.dueSoon(),
                    open.overdue(), open.clockStopped()));
        }
        return new Table(label("sla.table.open-by-state", locale), headers, rows);
    }

    private Table breaches(SlaReports.Filter filter, Locale locale) {
        List<String> headers = new ArrayList<>();
        for (String h : List.of("receiptNo", "serviceName", "step", "stepName", "districtName", "assignee",
                "deadline", "detectedAt", "urges")) {
            headers.add(label("sla.col." + h, locale));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SlaOverview.Breach b : overview.breaches(filter, 0, MAX_BREACHES).items()) {
            rows.add(Arrays.asList(b.receiptNo(), b.serviceName(), b.step(), b.stepName(), b.districtName(),
                    b.assignee(), b.deadline(), b.detectedAt(), b.urges()));
        }
        return new Table(label("sla.table.breaches", locale), headers, rows);
    }

    // ---- CSV

    static byte[] csv(Table table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, new ArrayList<>(table.headers()));
        table.rows().forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(csvCell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One field: numbers as they are; text guarded against formula injection, then quoted as RFC 4180 asks. */
    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
        }
        String text = guarded(text(value));
        if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** Times with their offset and whole seconds, as the API writes them. */
    static String text(Object value) {
        return value instanceof OffsetDateTime time ? TIME.format(time) : value.toString();
    }

    /** Text starting with = + - @ (or a tab or carriage return) would run as a formula in a spreadsheet. */
    static String guarded(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    // ---- Excel

    static byte[] xlsx(Table table) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < table.headers().size(); i++) {
                var cell = header.createCell(i);
                cell.setCellValue(table.headers().get(i));
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, 18 * 256);
            }
            int r = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value == null) {
                        continue;
                    }
                    var cell = row.createCell(i);
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        // a string cell is never evaluated as a formula: the text stays as it is
                        cell.setCellValue(text(value));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException e) {
                // the temporary files are disposed of already
            }
        }
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
