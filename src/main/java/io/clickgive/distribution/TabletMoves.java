package io.clickgive.distribution;

import io.clickgive.request.RequestService;
import io.clickgive.beneficiary.Beneficiary;
import io.clickgive.beneficiary.BeneficiaryService;
import io.clickgive.web.ClientError;
import io.clickgive.csv.CsvTable;
import io.clickgive.csv.ImportReport;
import io.clickgive.csv.ImportReport.RowError;
import io.clickgive.common.Resources;
import io.clickgive.common.Rows;
import jakarta.persistence.Tuple;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The tablets' state machine's one door: locks the tablets an order names, checks each may move, moves them and records
 * each move as a TabletEvent; and what tablet answers show (their bundles, distributors, beneficiaries).
 */
@ApplicationScoped
@Transactional
class TabletMoves {

    private static final String BUNDLE = Resources.sql("distribution/bundle");
    private static final String LOCK_ALLOCATION = Resources.sql("distribution/lock-allocation");
    private static final String BUNDLE_SIZES = Resources.sql("distribution/bundle-sizes");

    /** A bundle as distribution sees it: whose it is and which tablet carries it. */
    record BundleRef(long id, long allocation, long request, long beneficiary, int megabytes, String onTablet) {
    }

    private final BeneficiaryService beneficiaries;
    private final Clock clock;

    TabletMoves(BeneficiaryService beneficiaries, Clock clock) {
        this.beneficiaries = beneficiaries;
        this.clock = clock;
    }

    List<TabletView> moveAll(TabletOrders.Move order, TabletStatus target, String actor) {
        List<Tablet> tablets = lock(order.serials());
        List<String> problems = new ArrayList<>();
        tablets.forEach(t -> expect(t, target, problems));
        refuseIf(problems, "No tablet was changed");
        for (Tablet tablet : tablets) {
            if (target == TabletStatus.IN_STOCK) {
                tablet.bundleId = null;
                tablet.distributorId = null;
                tablet.beneficiaryId = null;
            }
            tablet.note = order.note() == null ? tablet.note : order.note();
            move(tablet, target, order.note(), actor);
        }
        return views(tablets);
    }

    /** Adds a problem unless the tablet may move to {@code target}; true when it may. */
    static boolean expect(Tablet tablet, TabletStatus target, List<String> problems) {
        if (tablet.status.canMoveTo(target)) {
            return true;
        }
        problems.add(tablet.serial + ": " + tablet.status + " cannot become " + target
                + (tablet.status.next().isEmpty() ? " (final)" : "; it can become " + tablet.status.next()));
        return false;
    }

    void move(Tablet tablet, TabletStatus target, String detail, String actor) {
        if (!tablet.status.canMoveTo(target)) {
            throw new IllegalStateException(tablet.serial + " " + tablet.status + " -> " + target);
        }
        TabletStatus from = tablet.status;
        tablet.status = target;
        tablet.updatedAt = clock.instant();
        record(tablet, from, target, detail, actor);
    }

    void record(Tablet tablet, TabletStatus from, TabletStatus to, String detail, String actor) {
        TabletEvent event = new TabletEvent();
        event.tabletId = tablet.id;
        event.fromStatus = from;
        event.toStatus = to;
        event.bundleId = tablet.bundleId;
        event.distributorId = tablet.distributorId;
        event.beneficiaryId = tablet.beneficiaryId;
        event.detail = detail;
        event.actor = actor;
        event.at = clock.instant();
        event.persist();
    }

    static void refuseIf(List<String> problems, String nothingChanged) {
        if (!problems.isEmpty()) {
            throw ClientError.conflict(nothingChanged + ": " + String.join("; ", problems), problems);
        }
    }

    /** The named tablets, locked in id order (no deadlock between two orders); 404 names the unknown ones. */
    static List<Tablet> lock(List<String> serials) {
        return lock(serials, null);
    }

    /** Like {@link #lock(List)}, but a tablet not shipped to this distributor is unknown to it (404, nothing revealed). */
    static List<Tablet> lockMine(Distributor distributor, List<String> serials) {
        return lock(serials, distributor);
    }

    static List<Tablet> lock(List<String> serials, Distributor distributor) {
        Set<String> unique = new HashSet<>(serials);
        if (unique.size() != serials.size()) {
            throw ClientError.badRequest("A tablet is listed twice");
        }
        List<Tablet> tablets = (distributor == null
                ? Tablet.<Tablet>find("serial in ?1", Sort.by("id"), unique)
                : Tablet.<Tablet>find("serial in ?1 and distributorId = ?2", Sort.by("id"), unique, distributor.id))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (tablets.size() != unique.size()) {
            Set<String> missing = new TreeSet<>(unique);
            tablets.forEach(t -> missing.remove(t.serial));
            throw ClientError.notFound("No tablet " + missing
                    + (distributor == null ? "" : " among those shipped to " + distributor.code));
        }
        return tablets;
    }

    static void lockAllocation(long allocation) {
        @SuppressWarnings("unchecked")
        List<Object> found = Panache.getEntityManager().createNativeQuery(LOCK_ALLOCATION)
                .setParameter(1, allocation).getResultList();
        if (found.isEmpty()) {
            throw ClientError.notFound("No allocation " + allocation);
        }
    }

    static BundleRef bundle(long id) {
        List<Tuple> rows = Rows.list(BUNDLE, id);
        if (rows.isEmpty()) {
            throw ClientError.notFound("No bundle " + id);
        }
        Tuple row = rows.get(0);
        return new BundleRef(Rows.number(row, "id"), Rows.number(row, "allocation_id"), Rows.number(row, "request_id"),
                Rows.number(row, "beneficiary_id"), (int) Rows.number(row, "megabytes"), Rows.text(row, "on_tablet"));
    }

    List<TabletView> views(List<Tablet> tablets) {
        Map<Long, String> distributorCodes = distributorCodes(tablets.stream().map(t -> t.distributorId));
        Map<Long, String> beneficiaryCodes = beneficiaryCodes(tablets.stream().map(t -> t.beneficiaryId));
        Set<Long> bundles = tablets.stream().map(t -> t.bundleId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<Long, Integer> megabytes = new HashMap<>();
        if (!bundles.isEmpty()) {
            Rows.list(BUNDLE_SIZES, bundles).forEach(r -> megabytes.put(Rows.number(r, "id"), (int) Rows.number(r, "megabytes")));
        }
        return tablets.stream().map(t -> new TabletView(t.serial, t.imei, t.model, t.status, t.bundleId,
                t.bundleId == null ? null : megabytes.get(t.bundleId), distributorCodes.get(t.distributorId),
                beneficiaryCodes.get(t.beneficiaryId), t.deliveredOn, t.recipient, t.note, null)).toList();
    }

    static Map<Long, String> distributorCodes(Stream<Long> ids) {
        Set<Long> wanted = ids.filter(Objects::nonNull).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return new HashMap<>();              // looked up with null ids, which Map.of() refuses
        }
        return Distributor.<Distributor>list("id in ?1", wanted).stream()
                .collect(Collectors.toMap(d -> d.id, d -> d.code));
    }

    Map<Long, String> beneficiaryCodes(Stream<Long> ids) {
        return beneficiaries.codes(ids.filter(Objects::nonNull).collect(Collectors.toSet()));
    }
}
