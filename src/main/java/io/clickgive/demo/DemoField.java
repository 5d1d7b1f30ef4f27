package io.clickgive.demo;

import io.clickgive.common.Clocks;
import io.clickgive.allocation.AllocationService;
import io.clickgive.allocation.BundleSizes;
import io.clickgive.allocation.CommitResult;
import io.clickgive.allocation.PlanOrder;
import io.clickgive.allocation.PlanView;
import io.clickgive.distribution.FieldAction;
import io.clickgive.distribution.FieldActions;
import io.clickgive.distribution.TabletOrders;
import io.clickgive.distribution.TabletService;
import io.clickgive.request.RequestDraft;
import io.clickgive.request.RequestService;
import io.clickgive.request.RequestStep;
import io.clickgive.request.RequestView;
import io.clickgive.request.Review;
import io.clickgive.request.UsageReport;
import io.quarkus.arc.profile.UnlessBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The field's story in the demo's live campaign: requests in every step (submitted, approved, partly approved, a
 * correction, declined, allocated, delivered, usage reported), one allocation committed, and tablets in every state
 * (in stock, preloaded, shipped, assigned, delivered, returned, lost), moved by the manager and the distributors'
 * users through the services their pages use.
 */
@ApplicationScoped
@UnlessBuildProfile("prod")
class DemoField {

    static final String ATLAS = "atlas-relais";
    static final String NORD = "nord-solidaire";
    static final int BUNDLE_MB = 5000;

    /** What a beneficiary asks of the campaign. */
    private record Ask(String beneficiary, String purpose, int people, String place, int tablets) {
    }

    private static final List<Ask> ASKS = List.of(
            new Ask("assoc-tifawin", "Soutien scolaire à distance pour les élèves du douar", 120, "Asni", 2),
            new Ask("assoc-nour", "Cours d'alphabétisation numérique pour les femmes", 300, "Tanger, Beni Makada", 6),
            new Ask("site-tinmel", "Tablettes pour l'école temporaire sous tente", 180, "Douar Tinmel", 4),
            new Ask("ecole-chefchaouen", "قسم رقمي للتلاميذ في المناطق الجبلية", 150, "Chefchaouen", 6),
            new Ask("lycee-ibn-sina", "Préparation au baccalauréat en ligne", 600, "Béni Mellal", 12),
            new Ask("assoc-amal", "ورشات البرمجة للشباب", 80, "Oujda", 5),
            new Ask("ecole-dakhla", "Bibliothèque numérique de l'école", 160, "Dakhla", 4),
            new Ask("ecole-asni", "Classes connectées après le séisme", 310, "Asni", 10));


    private final RequestService requests;
    private final AllocationService allocation;
    private final TabletService tablets;
    private final FieldActions field;
    private final Clock clock;

    DemoField(RequestService requests, AllocationService allocation, TabletService tablets, FieldActions field,
              Clock clock) {
        this.requests = requests;
        this.allocation = allocation;
        this.tablets = tablets;
        this.field = field;
        this.clock = clock;
    }

    void play(String slug) {
        Map<String, RequestView> asked = ask(slug);
        review(asked.get("assoc-tifawin"), RequestStep.APPROVED, null, "Projet clair, région prioritaire");
        review(asked.get("assoc-nour"), RequestStep.PARTLY_APPROVED, 3, "Trois tablettes pour la première session");
        review(asked.get("site-tinmel"), RequestStep.APPROVED, null, "École temporaire du programme des douars");
        if (allocation.pool(slug).allocatedMegabytes() == 0) {
            allocation.replaceBundleSizes(slug, new BundleSizes(List.of(BUNDLE_MB, 2 * BUNDLE_MB)));
            PlanView plan = allocation.preview(slug, new PlanOrder(BUNDLE_MB, null, null));
            CommitResult committed = allocation.commit(slug, new PlanOrder(BUNDLE_MB, null, plan.digest()),
                    DemoLoader.MANAGER);
            Map<String, Long> by = committed.allocations().stream()
                    .collect(Collectors.toMap(CommitResult.Made::beneficiary, CommitResult.Made::id));
            carry(by);
        }
        // Reviewed after the commit: what the next plan will serve, and a correction of a first review.
        review(asked.get("ecole-chefchaouen"), RequestStep.APPROVED, null, "مشروع واضح في منطقة جبلية");
        review(asked.get("lycee-ibn-sina"), RequestStep.APPROVED, null, "Lycée rural, forte demande");
        RequestView lycee = requests.get(asked.get("lycee-ibn-sina").id());
        if (lycee.steps().stream().noneMatch(s -> s.corrects() != null)) {
            requests.review(lycee.id(), new Review(RequestStep.PARTLY_APPROVED, 6, null,
                    "Correction: six tablettes, le lycée en reçoit d'un autre programme"), DemoLoader.MANAGER);
        }
        review(asked.get("assoc-amal"), RequestStep.DECLINED, null, "Hors du champ de la campagne (pas de connexion)");
        RequestView delivered = requests.get(asked.get("assoc-tifawin").id());
        if (delivered.status() == RequestStep.DELIVERED) {
            requests.reportUsage(delivered.id(), new UsageReport("Deux classes suivent les cours en ligne chaque soir",
                    95, 7), DemoLoader.MANAGER);
        }
    }

    /** Each beneficiary's request, submitted if it has none in this campaign yet. */
    private Map<String, RequestView> ask(String slug) {
        Map<String, RequestView> existing = requests.list(slug, null).stream()
                .collect(Collectors.toMap(RequestView::beneficiary, Function.identity(), (a, b) -> a));
        for (Ask ask : ASKS) {
            if (!existing.containsKey(ask.beneficiary())) {
                existing.put(ask.beneficiary(), requests.submit(slug, new RequestDraft(ask.beneficiary(),
                        ask.purpose(), ask.people(), ask.place(), ask.tablets(), ask.tablets() * 5), DemoLoader.MANAGER));
            }
        }
        return existing;
    }

    /** A first review, only while the request waits for one. */
    private void review(RequestView request, RequestStep decision, Integer tablets, String reason) {
        if (requests.get(request.id()).status() == RequestStep.SUBMITTED) {
            requests.review(request.id(), new Review(decision, tablets, null, reason), DemoLoader.MANAGER);
        }
    }

    /** The tablets' journeys, right after the commit that made their bundles. */
    private void carry(Map<String, Long> allocations) {
        LocalDate yesterday = LocalDate.now(clock.withZone(Clocks.MOROCCO)).minusDays(1);
        // Delivered, and the request complete: its usage is reported afterwards.
        preload(List.of("DEMO-T001", "DEMO-T002"), allocations.get("assoc-tifawin"));
        tablets.ship(new TabletOrders.Ship(List.of("DEMO-T001", "DEMO-T002"), ATLAS), DemoLoader.MANAGER);
        // From the distributor's phone, as the field app sends them: assigned, then delivered with a signature.
        for (String serial : List.of("DEMO-T001", "DEMO-T002")) {
            field.apply(ATLAS, new FieldAction("demo-" + serial + "-assign", FieldAction.Kind.ASSIGN, serial,
                    "assoc-tifawin", null, null, null, clock.instant(), null, null), "atlas");
            field.apply(ATLAS, new FieldAction("demo-" + serial + "-deliver", FieldAction.Kind.DELIVER, serial, null,
                    yesterday, "Fatima Zahra Ait Lahcen", "Remise à l'association", clock.instant(), null,
                    DemoSignature.png("Fatima Zahra")), "atlas");
        }
        // Delivered, its usage not reported yet.
        List<String> nour = List.of("DEMO-T003", "DEMO-T004", "DEMO-T005");
        preload(nour, allocations.get("assoc-nour"));
        tablets.ship(new TabletOrders.Ship(nour, NORD), DemoLoader.MANAGER);
        tablets.assign(NORD, new TabletOrders.Assign(nour, "assoc-nour"), "nord");
        tablets.deliver(NORD, new TabletOrders.Deliver(nour.stream().map(serial -> new TabletOrders.Delivery(serial,
                yesterday, "Karim El Idrissi", null)).toList()), "nord");
        // On its way to the village site: one assigned, one still with the distributor, one came back damaged, one
        // still in the warehouse, preloaded.
        preload(List.of("DEMO-T006", "DEMO-T007", "DEMO-T008", "DEMO-T009"), allocations.get("site-tinmel"));
        tablets.ship(new TabletOrders.Ship(List.of("DEMO-T006", "DEMO-T007", "DEMO-T008"), ATLAS), DemoLoader.MANAGER);
        tablets.assign(ATLAS, new TabletOrders.Assign(List.of("DEMO-T007"), "site-tinmel"), "atlas");
        tablets.giveBack(new TabletOrders.Move(List.of("DEMO-T008"), "Écran fissuré pendant le transport"),
                DemoLoader.MANAGER);
        tablets.markLost(new TabletOrders.Move(List.of("DEMO-T040"), "Introuvable à l'inventaire de décembre"),
                DemoLoader.MANAGER);
    }

    private void preload(List<String> serials, Long allocationId) {
        if (allocationId == null) {
            throw new IllegalStateException("The demo's plan left out a request it should serve: " + serials);
        }
        tablets.preload(new TabletOrders.Preload(serials, allocationId, null), DemoLoader.MANAGER);
    }
}
