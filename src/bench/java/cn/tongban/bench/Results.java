package cn.tongban.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of the run: {@code ratio} is always tongban / baseline, so for rates higher is better and for times
 * lower is better; {@code target} says which way the row is judged.
 */
final class Results {

    record Row(String scenario, Double tongban, Double baseline, Double ratio, String unit, String target,
               Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> conditions = new LinkedHashMap<>();

    synchronized void add(String scenario, double tongban, Double baseline, String unit, String target,
                          Boolean met) {
        Double ratio = baseline == null || baseline == 0 ? null : round(tongban / baseline, 3);
        rows.add(new Row(scenario, round(tongban, 2), baseline == null ? null : round(baseline, 2), ratio, unit,
                target, met));
        System.out.printf(Locale.ROOT, "[bench] %s: tongban %.2f, baseline %s %s%n", scenario, tongban,
                baseline == null ? "-" : String.format(Locale.ROOT, "%.2f", baseline), unit);
    }

    synchronized void condition(String name, Object value) {
        conditions.put(name, value);
    }

    synchronized void print() {
        String format = "%-58s %12s %12s %8s  %-8s %-26s %s%n";
        System.out.println();
        System.out.printf(Locale.ROOT, format, "scenario", "tongban", "baseline", "ratio", "unit", "target", "met");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, format, row.scenario(), number(row.tongban()), number(row.baseline()),
                    number(row.ratio()), row.unit(), row.target() == null ? "" : row.target(),
                    row.met() == null ? "" : row.met() ? "yes" : "NO");
        }
        System.out.println();
        conditions.forEach((name, value) -> System.out.println("  " + name + ": " + value));
    }

    synchronized void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(directory.resolve("results.json").toFile(), rows);
        json.writeValue(directory.resolve("conditions.json").toFile(), conditions);
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static Double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
