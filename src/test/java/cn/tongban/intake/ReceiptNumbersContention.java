package cn.tongban.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many transactions drawing receipt numbers of one prefix and day at once, as concurrent submissions do. */
final class ReceiptNumbersContention {

    private ReceiptNumbersContention() {
    }

    /** The serials drawn by {@code threads} threads, {@code each} transactions apiece, all started together. */
    static List<Integer> draw(ReceiptNumbers numbers, String prefix, LocalDate day, int threads, int each)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Integer>>> drawn = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                drawn.add(pool.submit(() -> {
                    start.await();
                    List<Integer> serials = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        String receiptNo = numbers.next(prefix, day);
                        serials.add(Integer.parseInt(receiptNo.substring(receiptNo.lastIndexOf('-') + 1)));
                    }
                    return serials;
                }));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> serials : drawn) {
                all.addAll(serials.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
