package cn.tongban.calendar;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The working-day calendar in force, built from the seed arrangements and the ones uploaded at runtime
 * (an uploaded year overrides the seed of that year). Other modules take {@link #current()} for each
 * computation; the calendar is swapped as a whole, so a computation never sees half an update.
 * <p>
 * Loading or removing an arrangement publishes {@link CalendarChanged} within the transaction that stores it,
 * so transactional listeners hear of it once it is committed. Other nodes of a cluster pick the change up from
 * the database within {@code tongban.calendar.refresh-interval} (default one minute); the event is published only
 * on the node that took the change.
 */
@Service
public class CalendarService {

    private static final Logger log = LoggerFactory.getLogger(CalendarService.class);

    private final ArrangementStore store;
    private final List<HolidayArrangement> seeds;
    private final ApplicationEventPublisher events;
    private final ZoneId zone;
    private final LocalTime endOfBusiness;
    private final OffsetDateTime seedsLoadedAt;
    private final Object lock = new Object();
    private volatile State state;
    /**
     * Changes of this node not yet committed: a refresh meanwhile would read the database without them and put
     * the old calendar back under the recomputation of the open deadlines, so it waits for the next round.
     */
    private final AtomicInteger changesInFlight = new AtomicInteger();

    /** The calendar and what each of its years came from, swapped together. */
    private record State(WorkingDayCalendar calendar, Map<Integer, LoadedArrangement> loaded) {
    }

    CalendarService(ArrangementStore store, SeedArrangements seeds, ApplicationEventPublisher events,
                    @Value("${tongban.calendar.zone:Asia/Shanghai}") String zone,
                    @Value("${tongban.calendar.end-of-business:17:30}") String endOfBusiness) {
        this.store = store;
        this.seeds = seeds.arrangements();
        this.events = events;
        this.zone = ZoneId.of(zone);
        this.endOfBusiness = LocalTime.parse(endOfBusiness);
        this.seedsLoadedAt = OffsetDateTime.now(this.zone).truncatedTo(ChronoUnit.SECONDS);
        reload();
    }

    /** The calendar in force. */
    public WorkingDayCalendar current() {
        return state.calendar();
    }

    /** The arrangement years in force, by year. */
    public List<LoadedArrangement> arrangements() {
        return state.loaded().values().stream()
                .sorted(Comparator.comparingInt(LoadedArrangement::year))
                .toList();
    }

    /**
     * Puts an arrangement in force for its year, stored so that it survives restarts, and publishes
     * {@link CalendarChanged} if any day changed.
     *
     * @param loadedBy who loads it, or null
     */
    @Transactional
    public LoadedArrangement load(HolidayArrangement arrangement, String loadedBy) {
        Objects.requireNonNull(arrangement, "arrangement");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        store.save(arrangement.year(), arrangement.toJson(), now, loadedBy);
        LoadedArrangement loaded = LoadedArrangement.of(arrangement, LoadedArrangement.Source.UPLOADED,
                now.atZone(zone).toOffsetDateTime(), loadedBy);
        swap(state -> {
            Map<Integer, LoadedArrangement> years = new HashMap<>(state.loaded());
            years.put(arrangement.year(), loaded);
            return new State(state.calendar().with(arrangement), years);
        });
        return loaded;
    }

    /**
     * Withdraws the uploaded arrangement of a year; the seed of that year, if any, is in force again.
     *
     * @return false when no arrangement was uploaded for that year
     */
    @Transactional
    public boolean removeUploaded(int year) {
        if (!store.delete(year)) {
            return false;
        }
        Optional<HolidayArrangement> seed = seeds.stream().filter(a -> a.year() == year).findFirst();
        swap(state -> {
            Map<Integer, LoadedArrangement> years = new HashMap<>(state.loaded());
            years.remove(year);
            seed.ifPresent(a -> years.put(year,
                    LoadedArrangement.of(a, LoadedArrangement.Source.SEED, seedsLoadedAt, null)));
            WorkingDayCalendar calendar = seed.map(a -> state.calendar().with(a))
                    .orElseGet(() -> state.calendar().without(year));
            return new State(calendar, years);
        });
        return true;
    }

    /** Rebuilds the calendar from the seeds and the stored uploads, as at start-up. */
    public void reload() {
        synchronized (lock) {
            state = read();
        }
    }

    /** Picks up arrangements another node stored since this node last read them. */
    @Scheduled(initialDelayString = "${tongban.calendar.refresh-interval:PT1M}",
            fixedDelayString = "${tongban.calendar.refresh-interval:PT1M}")
    public void refreshFromOtherNodes() {
        if (changesInFlight.get() > 0) {
            return;
        }
        Map<Integer, Instant> stored = store.findAll().stream()
                .collect(Collectors.toMap(ArrangementStore.Stored::year, ArrangementStore.Stored::loadedAt));
        Map<Integer, Instant> known = state.loaded().values().stream()
                .filter(a -> a.source() == LoadedArrangement.Source.UPLOADED)
                .collect(Collectors.toMap(LoadedArrangement::year, a -> a.loadedAt().toInstant()));
        if (!stored.equals(known)) {
            log.info("Holiday arrangements changed in the database (years {}), reloading the calendar",
                    stored.keySet());
            synchronized (lock) {
                if (changesInFlight.get() == 0) {
                    state = read();
                }
            }
        }
    }

    private State read() {
        Map<Integer, HolidayArrangement> arrangements = new HashMap<>();
        Map<Integer, LoadedArrangement> loaded = new HashMap<>();
        for (HolidayArrangement seed : seeds) {
            arrangements.put(seed.year(), seed);
            loaded.put(seed.year(), LoadedArrangement.of(seed, LoadedArrangement.Source.SEED, seedsLoadedAt, null));
        }
        for (ArrangementStore.Stored stored : store.findAll()) {
            HolidayArrangement arrangement = HolidayArrangement.parse(stored.content(),
                    "holiday_arrangement[" + stored.year() + "]");
            if (arrangement.year() != stored.year()) {
                throw new IllegalStateException("stored holiday arrangement for " + stored.year()
                        + " holds the year " + arrangement.year());
            }
            arrangements.put(stored.year(), arrangement);
            loaded.put(stored.year(), LoadedArrangement.of(arrangement, LoadedArrangement.Source.UPLOADED,
                    stored.loadedAt().atZone(zone).toOffsetDateTime(), stored.loadedBy()));
        }
        return new State(WorkingDayCalendar.of(arrangements.values(), zone, endOfBusiness), Map.copyOf(loaded));
    }

    /**
     * Swaps the state in this transaction and announces the change. After the transaction the state is read
     * again from the database, which undoes the swap on rollback; refreshes wait until then.
     */
    private void swap(UnaryOperator<State> change) {
        State before;
        State after;
        synchronized (lock) {
            before = state;
            after = change.apply(before);
            state = after;
            changesInFlight.incrementAndGet();
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                synchronized (lock) {
                    changesInFlight.decrementAndGet();
                    state = read();
                }
            }
        });
        CalendarChanged.between(before.calendar(), after.calendar()).ifPresent(changed -> {
            log.info("Working-day calendar changed: years {}, days {} .. {}", changed.years(),
                    changed.firstDay(), changed.lastDay());
            events.publishEvent(changed);
        });
    }
}
