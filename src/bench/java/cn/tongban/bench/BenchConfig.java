package cn.tongban.bench;

/**
 * Sizes of the run, each a system property ({@code -Dbench.openTasks=20000}); the defaults are the sizes the
 * targets are set for, with warm-up and rounds scaled so the whole run stays under 20 minutes on two cores.
 */
record BenchConfig(int threads, int rounds, int warmup, int submitPerRound, int reviewPerRound, int openTasks,
                   int listSamples, int historicSteps, int historicCases, int dashboardSamples, int timers,
                   int timerCapSeconds, int latencyBudgetSeconds, int childSubmissions, int startups,
                   String childJvmArgs, String scenarios) {

    /**
     * Whether scenario {@code letter} (a-f) was asked for ({@code -Dbench.scenarios=cd}; all by default). Scenario
     * b reviews the cases a submitted, c copies the cases b left, e makes the timers of c's copies due, and f loads
     * the bare application with as many variables as a's cases have, so those run when a later one is asked.
     */
    boolean runs(char letter) {
        return switch (letter) {
            case 'a' -> asked('a') || asked('f') || runs('b');
            case 'b' -> asked('b') || runs('c');
            case 'c' -> asked('c') || asked('e');
            default -> asked(letter);
        };
    }

    private boolean asked(char letter) {
        return scenarios.indexOf(letter) >= 0;
    }

    static BenchConfig fromSystemProperties() {
        return new BenchConfig(
                integer("bench.threads", 8),
                integer("bench.rounds", 4),
                integer("bench.warmup", 80),
                integer("bench.submitPerRound", 160),
                integer("bench.reviewPerRound", 120),
                integer("bench.openTasks", 100_000),
                integer("bench.listSamples", 200),
                integer("bench.historicSteps", 1_000_000),
                integer("bench.historicCases", 100_000),
                integer("bench.dashboardSamples", 100),
                integer("bench.timers", 10_000),
                integer("bench.timerCapSeconds", 90),
                integer("bench.latencyBudgetSeconds", 90),
                integer("bench.childSubmissions", 400),
                integer("bench.startups", 3),
                System.getProperty("bench.childJvmArgs", "-Xmx512m"),
                System.getProperty("bench.scenarios", "abcdef").strip().toLowerCase(java.util.Locale.ROOT));
    }

    private static int integer(String name, int fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip().replace("_", ""));
    }
}
