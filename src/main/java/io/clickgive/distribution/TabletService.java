package io.clickgive.distribution;

import io.clickgive.common.Clocks;
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

    private static final String FREE_BUNDLES = Resources.sql("distribution/free-bundles");
    private static final String DELIVERED_BUNDLES = Resources.sql("distribution/delivered-bundles");
    private static final String LOCK_STOCK = Resources.sql("allocation/lock-stock");
    private static final String OPEN_ALLOCATIONS = Resources.sql("distribution/open-allocations");
    private static final String COUNT_BY_STATUS = Resources.sql("distribution/count-by-status");

    private final BeneficiaryService beneficiaries;
    private final DistributorService distributors;
    private final RequestService requests;
    private final Clock clock;
    private final TabletMoves moves;

    public TabletService(BeneficiaryService beneficiaries, DistributorService distributors, RequestService requests,
                         Clock clock, TabletMoves moves) {
        this.beneficiaries = beneficiaries;
        this.distributors = distributors;
        this.requests = requests;
        this.clock = clock;
        this.moves = moves;
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

    // ---- managers ----

    public List<TabletView> preload(@NotNull @Valid TabletOrders.Preload order, String actor) {
        if ((order.allocation() == null) == (order.bundle() == null)) {
            throw ClientError.badRequest("Name either an allocation (its next free bundles) or one bundle");
        }
        if (order.bundle() != null && order.serials().size() != 1) {
            throw ClientError.badRequest("A given bundle goes on one tablet: name one serial");
        }
        List<Tablet> tablets = TabletMoves.lock(order.serials());
        List<String> problems = new ArrayList<>();
        List<Long> bundles = new ArrayList<>();
        EntityManager em = Panache.getEntityManager();
        if (order.bundle() != null) {
            TabletMoves.BundleRef bundle = TabletMoves.bundle(order.bundle());
            TabletMoves.lockAllocation(bundle.allocation());
            TabletMoves.BundleRef current = TabletMoves.bundle(order.bundle());
            if (current.onTablet() != null) {
                problems.add("bundle " + current.id() + ": on tablet '" + current.onTablet() + "' already");
            }
            bundles.add(current.id());
        } else {
            TabletMoves.lockAllocation(order.allocation());
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
            TabletMoves.expect(tablet, TabletStatus.PRELOADED, problems);
        }
        TabletMoves.refuseIf(problems, "No tablet was preloaded");
        for (int i = 0; i < tablets.size(); i++) {
            Tablet tablet = tablets.get(i);
            tablet.bundleId = bundles.get(i);
            moves.move(tablet, TabletStatus.PRELOADED, "bundle " + tablet.bundleId, actor);
        }
        return moves.views(tablets);
    }

    public List<TabletView> ship(@NotNull @Valid TabletOrders.Ship order, String actor) {
        Distributor distributor = distributors.require(order.distributor());
        List<Tablet> tablets = TabletMoves.lock(order.serials());
        List<String> problems = new ArrayList<>();
        for (Tablet tablet : tablets) {
            if (TabletMoves.expect(tablet, TabletStatus.SHIPPED, problems)) {
                Beneficiary beneficiary = beneficiaries.require(TabletMoves.bundle(tablet.bundleId).beneficiary());
                if (!distributor.serves(beneficiary.regionCode)) {
                    problems.add(tablet.serial + ": its bundle is for '" + beneficiary.code + "' in "
                            + beneficiary.regionCode + ", which " + distributor.code + " does not serve "
                            + distributor.regions);
                }
            }
        }
        TabletMoves.refuseIf(problems, "No tablet was shipped");
        for (Tablet tablet : tablets) {
            tablet.distributorId = distributor.id;
            moves.move(tablet, TabletStatus.SHIPPED, "to " + distributor.code, actor);
        }
        return moves.views(tablets);
    }

    /** Back from a distributor or a beneficiary; the tablet keeps its bundle until restocked. */
    public List<TabletView> giveBack(@NotNull @Valid TabletOrders.Move order, String actor) {
        return moves.moveAll(order, TabletStatus.RETURNED, actor);
    }

    /** A returned tablet goes back into stock empty: its bundle is free for another tablet. */
    public List<TabletView> restock(@NotNull @Valid TabletOrders.Move order, String actor) {
        return moves.moveAll(order, TabletStatus.IN_STOCK, actor);
    }

    public List<TabletView> markLost(@NotNull @Valid TabletOrders.Move order, String actor) {
        // A tablet lost from stock leaves fewer tablets for plans being committed.
        Panache.getEntityManager().createNativeQuery(LOCK_STOCK).getSingleResult();
        return moves.moveAll(order, TabletStatus.LOST, actor);
    }

    /** How many tablets stand in each status, counted by the database. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<TabletStatus, Long> countByStatus() {
        Map<TabletStatus, Long> counts = new java.util.EnumMap<>(TabletStatus.class);
        Rows.list(COUNT_BY_STATUS).forEach(row -> counts.put(TabletStatus.valueOf(Rows.text(row, "status")),
                Rows.number(row, "tablets")));
        return counts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OpenAllocation> openAllocations() {
        return Rows.list(OPEN_ALLOCATIONS).stream().map(row -> new OpenAllocation(Rows.number(row, "allocation_id"),
                Rows.text(row, "beneficiary_code"), Rows.text(row, "region_code"),
                (int) Rows.number(row, "bundle_megabytes"), Rows.number(row, "free_bundles"))).toList();
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
        return moves.views(Tablet.list(query.toString(), Sort.by("serial"), parameters));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TabletView get(String serial) {
        Tablet tablet = Tablet.<Tablet>find("serial", serial).firstResultOptional()
                .orElseThrow(() -> ClientError.notFound("No tablet '" + serial + "'"));
        List<TabletEvent> events = TabletEvent.list("tabletId = ?1 order by id", tablet.id);
        TabletView view = moves.views(List.of(tablet)).get(0);
        Map<Long, String> distributorCodes = TabletMoves.distributorCodes(events.stream().map(e -> e.distributorId));
        Map<Long, String> beneficiaryCodes = moves.beneficiaryCodes(events.stream().map(e -> e.beneficiaryId));
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
        List<Tablet> tablets = TabletMoves.lockMine(distributor, order.serials());
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
            } else if (TabletMoves.expect(tablet, TabletStatus.ASSIGNED, problems)) {
                long owner = TabletMoves.bundle(tablet.bundleId).beneficiary();
                if (owner != beneficiary.id) {
                    problems.add(tablet.serial + ": its bundle is allocated to '"
                            + beneficiaries.require(owner).code + "', not '" + beneficiary.code + "'");
                }
            }
        }
        TabletMoves.refuseIf(problems, "No tablet was assigned");
        for (Tablet tablet : tablets) {
            tablet.beneficiaryId = beneficiary.id;
            moves.move(tablet, TabletStatus.ASSIGNED, "to " + beneficiary.code, actor);
        }
        return moves.views(tablets);
    }

    public List<TabletView> deliver(String distributorCode, @NotNull @Valid TabletOrders.Deliver order, String actor) {
        Distributor distributor = distributors.require(distributorCode);
        Map<String, TabletOrders.Delivery> bySerial = new LinkedHashMap<>();
        for (TabletOrders.Delivery delivery : order.deliveries()) {
            if (bySerial.put(delivery.serial(), delivery) != null) {
                throw ClientError.badRequest("Tablet '" + delivery.serial() + "' is listed twice");
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(Clocks.MOROCCO));
        List<Tablet> tablets = TabletMoves.lockMine(distributor, new ArrayList<>(bySerial.keySet()));
        List<String> problems = new ArrayList<>();
        for (Tablet tablet : tablets) {
            TabletOrders.Delivery delivery = bySerial.get(tablet.serial);
            if (delivery.deliveredOn().isAfter(today)) {
                problems.add(tablet.serial + ": delivered on " + delivery.deliveredOn() + " is in the future");
            }
            TabletMoves.expect(tablet, TabletStatus.DELIVERED, problems);
        }
        TabletMoves.refuseIf(problems, "No delivery was recorded");
        Set<Long> touched = new TreeSet<>();
        for (Tablet tablet : tablets) {
            TabletOrders.Delivery delivery = bySerial.get(tablet.serial);
            tablet.deliveredOn = delivery.deliveredOn();
            tablet.recipient = delivery.recipient().strip();
            tablet.note = delivery.note();
            moves.move(tablet, TabletStatus.DELIVERED, TabletView.DELIVERED_TO + tablet.recipient, actor);
            touched.add(TabletMoves.bundle(tablet.bundleId).request());
        }
        Panache.getEntityManager().flush();
        Map<Long, Long> delivered = new HashMap<>();
        for (long request : touched) {
            delivered.put(request, ((Number) Panache.getEntityManager().createNativeQuery(DELIVERED_BUNDLES)
                    .setParameter(1, request).getSingleResult()).longValue());
        }
        requests.deliveredWhenComplete(touched, delivered, actor);
        return moves.views(tablets);
    }
}
