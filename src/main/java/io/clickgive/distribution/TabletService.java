package io.clickgive.distribution;

import io.clickgive.allocation.RequestService;
import io.clickgive.beneficiary.Beneficiary;
import io.clickgive.beneficiary.BeneficiaryService;
import io.clickgive.common.ClientError;
import io.clickgive.common.CsvTable;
import io.clickgive.common.ImportReport;
import io.clickgive.common.ImportReport.RowError;
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
 * Moves tablets through their lifecycle. Every order names many tablets and applies to all of them or to none: each
 * tablet is checked first, and any problem refuses the whole order (409, one line per tablet). Every move is a
 * TabletEvent. Distributors reach only the tablets shipped to them, and beneficiaries only in their regions. Orders
 * are validated here, at the service, so the API and the console's forms refuse the same input (400).
 */
@ApplicationScoped
@Transactional
public class TabletService {

    private static final String BUNDLE = Resources.sql("distribution/bundle");
    private static final String FREE_BUNDLES = Resources.sql("distribution/free-bundles");
    private static final String DELIVERED_BUNDLES = Resources.sql("distribution/delivered-bundles");
    private static final String LOCK_STOCK = Resources.sql("allocation/lock-stock");
    private static final String LOCK_ALLOCATION = Resources.sql("distribution/lock-allocation");
    private static final String BUNDLE_SIZES = Resources.sql("distribution/bundle-sizes");
    // Deliveries are dated in the programme's country.
    private static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

    private final BeneficiaryService beneficiaries;
    private final DistributorService distributors;
    private final RequestService requests;
    private final Clock clock;

    public TabletService(BeneficiaryService beneficiaries, DistributorService distributors, RequestService requests,
                         Clock clock) {
        this.beneficiaries = beneficiaries;
        this.distributors = distributors;
        this.requests = requests;
        this.clock = clock;
    }

    /** A bundle as distribution sees it: whose it is and which tablet carries it. */
    record BundleRef(long id, long allocation, long request, long beneficiary, int megabytes, String onTablet) {
    }

    // ---- stock, as the planner needs it ----

    @Transactional(Transactional.TxType.SUPPORTS)
    public long inStock() {
        return Tablet.count("status", TabletStatus.IN_STOCK);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long carryingBundles() {
        return Tablet.count("bundleId is not null");
    }

    // ---- import ----

    /** A line of a tablet import, checked. */
    private record TabletLine(String serial, String imei, String model) {
    }

    public ImportReport importCsv(byte[] body, ImportReport.Mode mode, String actor) {
        List<CsvTable.Row> rows = CsvTable.read(body, Set.of("serial", "imei", "model"), Set.of());
        List<RowError> errors = new ArrayList<>();
        Map<String, TabletLine> fresh = new LinkedHashMap<>();
        Set<String> imeis = new HashSet<>();
        List<TabletLine> valid = new ArrayList<>();
        for (CsvTable.Row row : rows) {
            String serial = row.text("serial");
            String imei = row.text("imei");
            String model = row.text("model");
            List<String> problems = new ArrayList<>();
            if (serial == null || !serial.matches("[A-Za-z0-9][A-Za-z0-9-]{2,39}")) {
                problems.add("serial: letters, digits and '-', 3 to 40 characters");
            }
            if (!Imei.isValid(imei)) {
                problems.add("imei: '" + imei + "' is not 15 digits with a valid check digit");
            }
            if (model == null || model.length() > 100) {
                problems.add("model: required, at most 100 characters");
            }
            if (problems.isEmpty() && fresh.containsKey(serial)) {
                problems.add("serial: '" + serial + "' appears on an earlier line of this file");
            }
            if (problems.isEmpty() && !imeis.add(imei)) {
                problems.add("imei: " + imei + " appears on an earlier line of this file");
            }
            if (problems.isEmpty()) {
                TabletLine tablet = new TabletLine(serial, imei, model);
                fresh.put(serial, tablet);
                valid.add(tablet);
            } else {
                errors.add(new RowError(row.line(), String.join("; ", problems)));
            }
        }
        // Serials already registered: the same IMEI means imported before (skipped); another IMEI is an error.
        Map<String, Tablet> known = new HashMap<>();
        Map<String, Tablet> knownImei = new HashMap<>();
        if (!valid.isEmpty()) {
            Tablet.<Tablet>list("serial in ?1 or imei in ?2", fresh.keySet(), imeis)
                    .forEach(t -> {
                        known.put(t.serial, t);
                        knownImei.put(t.imei, t);
                    });
        }
        List<TabletLine> toInsert = new ArrayList<>();
        int skipped = 0;
        Map<String, Long> lineOf = new HashMap<>();
        rows.forEach(r -> lineOf.putIfAbsent(r.text("serial") == null ? "" : r.text("serial"), r.line()));
        for (TabletLine tablet : valid) {
            Tablet bySerial = known.get(tablet.serial());
            Tablet byImei = knownImei.get(tablet.imei());
            if (bySerial != null && bySerial.imei.equals(tablet.imei())) {
                skipped++;
            } else if (bySerial != null) {
                errors.add(new RowError(lineOf.get(tablet.serial()), "serial: '" + tablet.serial()
                        + "' is registered with another IMEI"));
            } else if (byImei != null) {
                errors.add(new RowError(lineOf.get(tablet.serial()), "imei: " + tablet.imei() + " is registered on tablet '"
                        + byImei.serial + "'"));
            } else {
                toInsert.add(tablet);
            }
        }
        errors.sort((a, b) -> Long.compare(a.line(), b.line()));
        if (!errors.isEmpty() && mode == ImportReport.Mode.ALL_OR_NOTHING) {
            return new ImportReport(rows.size(), 0, 0, errors, true);
        }
        for (TabletLine line : toInsert) {
            Tablet tablet = new Tablet();
            tablet.updatedAt = clock.instant();
            tablet.serial = line.serial();
            tablet.imei = line.imei();
            tablet.model = line.model();
            tablet.persist();
            record(tablet, null, TabletStatus.IN_STOCK, "imported", actor);
        }
        return new ImportReport(rows.size(), toInsert.size(), skipped, errors, false);
    }

    // ---- managers ----

    public List<TabletView> preload(@NotNull @Valid TabletOrders.Preload order, String actor) {
        if ((order.allocation() == null) == (order.bundle() == null)) {
            throw ClientError.badRequest("Name either an allocation (its next free bundles) or one bundle");
        }
        if (order.bundle() != null && order.serials().size() != 1) {
            throw ClientError.badRequest("A given bundle goes on one tablet: name one serial");
        }
        List<Tablet> tablets = lock(order.serials());
        List<String> problems = new ArrayList<>();
        List<Long> bundles = new ArrayList<>();
        EntityManager em = Panache.getEntityManager();
        if (order.bundle() != null) {
            BundleRef bundle = bundle(order.bundle());
            lockAllocation(bundle.allocation());
            BundleRef current = bundle(order.bundle());
            if (current.onTablet() != null) {
                problems.add("bundle " + current.id() + ": on tablet '" + current.onTablet() + "' already");
            }
            bundles.add(current.id());
        } else {
            lockAllocation(order.allocation());
            @SuppressWarnings("unchecked")
            List<Number> free = em.createNativeQuery(FREE_BUNDLES).setParameter(1, order.allocation())
                    .setParameter(2, tablets.size()).getResultList();
            if (free.size() < tablets.size()) {
                problems.add("allocation " + order.allocation() + ": " + free.size()
                        + " bundles left to preload, " + tablets.size() + " tablets named");
            }
            free.forEach(n -> bundles.add(n.longValue()));
        }
        for (Tablet tablet : tablets) {
            expect(tablet, TabletStatus.PRELOADED, problems);
        }
        refuseIf(problems, "No tablet was preloaded");
        for (int i = 0; i < tablets.size(); i++) {
            Tablet tablet = tablets.get(i);
            tablet.bundleId = bundles.get(i);
            move(tablet, TabletStatus.PRELOADED, "bundle " + tablet.bundleId, actor);
        }
        return views(tablets);
    }

    public List<TabletView> ship(@NotNull @Valid TabletOrders.Ship order, String actor) {
        Distributor distributor = distributors.require(order.distributor());
        List<Tablet> tablets = lock(order.serials());
        List<String> problems = new ArrayList<>();
        for (Tablet tablet : tablets) {
            if (expect(tablet, TabletStatus.SHIPPED, problems)) {
                Beneficiary beneficiary = beneficiaries.require(bundle(tablet.bundleId).beneficiary());
                if (!distributor.serves(beneficiary.regionCode)) {
                    problems.add(tablet.serial + ": its bundle is for '" + beneficiary.code + "' in "
                            + beneficiary.regionCode + ", which " + distributor.code + " does not serve "
                            + distributor.regions);
                }
            }
        }
        refuseIf(problems, "No tablet was shipped");
        for (Tablet tablet : tablets) {
            tablet.distributorId = distributor.id;
            move(tablet, TabletStatus.SHIPPED, "to " + distributor.code, actor);
        }
        return views(tablets);
    }

    /** Back from a distributor or a beneficiary; the tablet keeps its bundle until restocked. */
    public List<TabletView> giveBack(@NotNull @Valid TabletOrders.Move order, String actor) {
        return moveAll(order, TabletStatus.RETURNED, actor);
    }

    /** A returned tablet goes back into stock empty: its bundle is free for another tablet. */
    public List<TabletView> restock(@NotNull @Valid TabletOrders.Move order, String actor) {
        return moveAll(order, TabletStatus.IN_STOCK, actor);
    }

    public List<TabletView> markLost(@NotNull @Valid TabletOrders.Move order, String actor) {
        // A tablet lost from stock leaves fewer tablets for plans being committed.
        Panache.getEntityManager().createNativeQuery(LOCK_STOCK).getSingleResult();
        return moveAll(order, TabletStatus.LOST, actor);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TabletView> list(TabletStatus status, String distributor) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (status != null) {
            query.append(" and status = :status");
            parameters.put("status", status);
        }
        if (distributor != null) {
            query.append(" and distributorId = :distributor");
            parameters.put("distributor", distributors.require(distributor).id);
        }
        return views(Tablet.list(query.toString(), Sort.by("serial"), parameters));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TabletView get(String serial) {
        Tablet tablet = Tablet.<Tablet>find("serial", serial).firstResultOptional()
                .orElseThrow(() -> ClientError.notFound("No tablet '" + serial + "'"));
        List<TabletEvent> events = TabletEvent.list("tabletId = ?1 order by id", tablet.id);
        TabletView view = views(List.of(tablet)).get(0);
        Map<Long, String> distributorCodes = distributorCodes(events.stream().map(e -> e.distributorId));
        Map<Long, String> beneficiaryCodes = beneficiaryCodes(events.stream().map(e -> e.beneficiaryId));
        List<TabletView.Step> history = events.stream().map(e -> new TabletView.Step(e.fromStatus, e.toStatus,
                e.bundleId, distributorCodes.get(e.distributorId), beneficiaryCodes.get(e.beneficiaryId), e.detail,
                e.actor, e.at)).toList();
        return new TabletView(view.serial(), view.imei(), view.model(), view.status(), view.bundle(),
                view.bundleMegabytes(), view.distributor(), view.beneficiary(), view.deliveredOn(), view.recipient(),
                view.note(), history);
    }

    // ---- distributors ----

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TabletView> mine(String distributor, TabletStatus status) {
        return list(status, distributor);
    }

    public List<TabletView> assign(String distributorCode, @NotNull @Valid TabletOrders.Assign order, String actor) {
        Distributor distributor = distributors.require(distributorCode);
        // Tablets first: another distributor's tablet is unknown here, whatever else is wrong.
        List<Tablet> tablets = lockMine(distributor, order.serials());
        Beneficiary beneficiary = beneficiaries.require(order.beneficiary());
        if (!distributor.serves(beneficiary.regionCode)) {
            throw ClientError.conflict("'" + beneficiary.code + "' is in " + beneficiary.regionCode + "; "
                    + distributor.code + " serves " + distributor.regions);
        }
        List<String> problems = new ArrayList<>();
        for (Tablet tablet : tablets) {
            if (tablet.status == TabletStatus.ASSIGNED || tablet.status == TabletStatus.DELIVERED) {
                problems.add(tablet.serial + ": assigned already to '"
                        + beneficiaries.require(tablet.beneficiaryId).code + "'");
            } else if (expect(tablet, TabletStatus.ASSIGNED, problems)) {
                long owner = bundle(tablet.bundleId).beneficiary();
                if (owner != beneficiary.id) {
                    problems.add(tablet.serial + ": its bundle is allocated to '"
                            + beneficiaries.require(owner).code + "', not '" + beneficiary.code + "'");
                }
            }
        }
        refuseIf(problems, "No tablet was assigned");
        for (Tablet tablet : tablets) {
            tablet.beneficiaryId = beneficiary.id;
            move(tablet, TabletStatus.ASSIGNED, "to " + beneficiary.code, actor);
        }
        return views(tablets);
    }

    public List<TabletView> deliver(String distributorCode, @NotNull @Valid TabletOrders.Deliver order, String actor) {
        Distributor distributor = distributors.require(distributorCode);
        Map<String, TabletOrders.Delivery> bySerial = new LinkedHashMap<>();
        for (TabletOrders.Delivery delivery : order.deliveries()) {
            if (bySerial.put(delivery.serial(), delivery) != null) {
                throw ClientError.badRequest("Tablet '" + delivery.serial() + "' is listed twice");
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(MOROCCO));
        List<Tablet> tablets = lockMine(distributor, new ArrayList<>(bySerial.keySet()));
        List<String> problems = new ArrayList<>();
        for (Tablet tablet : tablets) {
            TabletOrders.Delivery delivery = bySerial.get(tablet.serial);
            if (delivery.deliveredOn().isAfter(today)) {
                problems.add(tablet.serial + ": delivered on " + delivery.deliveredOn() + " is in the future");
            }
            expect(tablet, TabletStatus.DELIVERED, problems);
        }
        refuseIf(problems, "No delivery was recorded");
        Set<Long> touched = new TreeSet<>();
        for (Tablet tablet : tablets) {
            TabletOrders.Delivery delivery = bySerial.get(tablet.serial);
            tablet.deliveredOn = delivery.deliveredOn();
            tablet.recipient = delivery.recipient().strip();
            tablet.note = delivery.note();
            move(tablet, TabletStatus.DELIVERED, "to " + tablet.recipient, actor);
            touched.add(bundle(tablet.bundleId).request());
        }
        Panache.getEntityManager().flush();
        Map<Long, Long> delivered = new HashMap<>();
        for (long request : touched) {
            delivered.put(request, ((Number) Panache.getEntityManager().createNativeQuery(DELIVERED_BUNDLES)
                    .setParameter(1, request).getSingleResult()).longValue());
        }
        requests.deliveredWhenComplete(touched, delivered, actor);
        return views(tablets);
    }

    // ---- the state machine's one door ----

    private List<TabletView> moveAll(TabletOrders.Move order, TabletStatus target, String actor) {
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
    private static boolean expect(Tablet tablet, TabletStatus target, List<String> problems) {
        if (tablet.status.canMoveTo(target)) {
            return true;
        }
        problems.add(tablet.serial + ": " + tablet.status + " cannot become " + target
                + (tablet.status.next().isEmpty() ? " (final)" : "; it can become " + tablet.status.next()));
        return false;
    }

    private void move(Tablet tablet, TabletStatus target, String detail, String actor) {
        if (!tablet.status.canMoveTo(target)) {
            throw new IllegalStateException(tablet.serial + " " + tablet.status + " -> " + target);
        }
        TabletStatus from = tablet.status;
        tablet.status = target;
        tablet.updatedAt = clock.instant();
        record(tablet, from, target, detail, actor);
    }

    private void record(Tablet tablet, TabletStatus from, TabletStatus to, String detail, String actor) {
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

    private static void refuseIf(List<String> problems, String nothingChanged) {
        if (!problems.isEmpty()) {
            throw ClientError.conflict(nothingChanged + ": " + String.join("; ", problems), problems);
        }
    }

    /** The named tablets, locked in id order (no deadlock between two orders); 404 names the unknown ones. */
    private static List<Tablet> lock(List<String> serials) {
        return lock(serials, null);
    }

    /** Like {@link #lock(List)}, but a tablet not shipped to this distributor is unknown to it (404, nothing revealed). */
    private static List<Tablet> lockMine(Distributor distributor, List<String> serials) {
        return lock(serials, distributor);
    }

    private static List<Tablet> lock(List<String> serials, Distributor distributor) {
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

    private static void lockAllocation(long allocation) {
        @SuppressWarnings("unchecked")
        List<Object> found = Panache.getEntityManager().createNativeQuery(LOCK_ALLOCATION)
                .setParameter(1, allocation).getResultList();
        if (found.isEmpty()) {
            throw ClientError.notFound("No allocation " + allocation);
        }
    }

    private static BundleRef bundle(long id) {
        List<Tuple> rows = Rows.list(BUNDLE, id);
        if (rows.isEmpty()) {
            throw ClientError.notFound("No bundle " + id);
        }
        Tuple row = rows.get(0);
        return new BundleRef(Rows.number(row, "id"), Rows.number(row, "allocation_id"), Rows.number(row, "request_id"),
                Rows.number(row, "beneficiary_id"), (int) Rows.number(row, "megabytes"), Rows.text(row, "on_tablet"));
    }

    private List<TabletView> views(List<Tablet> tablets) {
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

    private static Map<Long, String> distributorCodes(Stream<Long> ids) {
        Set<Long> wanted = ids.filter(Objects::nonNull).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return new HashMap<>();              // looked up with null ids, which Map.of() refuses
        }
        return Distributor.<Distributor>list("id in ?1", wanted).stream()
                .collect(Collectors.toMap(d -> d.id, d -> d.code));
    }

    private Map<Long, String> beneficiaryCodes(Stream<Long> ids) {
        return beneficiaries.codes(ids.filter(Objects::nonNull).collect(Collectors.toSet()));
    }
}
