package cn.tongban.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of one kind of request, in milliseconds. */
final class Samples {

    private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

    void add(long nanos) {
        millis.add(nanos / 1_000_000.0);
    }

    double median() {
        return percentile(50);
    }

    double p95() {
        return percentile(95);
    }

    int size() {
        return millis.size();
    }

    /** Nearest-rank percentile. */
    double percentile(int p) {
        synchronized (millis) {
            return percentile(millis, p);
        }
    }

    /** Nearest-rank percentile of any figures (the start-up seconds of f among them); NaN of none. */
    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
