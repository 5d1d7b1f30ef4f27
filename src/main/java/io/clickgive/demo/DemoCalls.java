package io.clickgive.demo;

import io.clickgive.beneficiary.BeneficiaryKind;
import io.clickgive.call.ApplicationDraft;
import io.clickgive.call.ApplicationReview;
import io.clickgive.call.ApplicationView;
import io.clickgive.call.CallDraft;
import io.clickgive.call.Calls;
import io.clickgive.guard.Networks;
import io.clickgive.guard.ProofOfWork;
import io.clickgive.web.ClientError;
import io.quarkus.arc.profile.UnlessBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The live campaign's call for projects in the demo, and applications at every step: two waiting, one asked for more,
 * one that replied, one accepted (its beneficiary and request made), one declined. Each is sent as a phone sends it,
 * with its network's puzzle solved here, from a loopback address of its own.
 */
@ApplicationScoped
@UnlessBuildProfile("prod")
class DemoCalls {

    /** One demo application, and how far its review went. */
    private record Applicant(ApplicationDraft draft, String step, String message, String reply) {
    }

    private static final String MANAGER = "manager";

    private static final List<Applicant> APPLICANTS = List.of(
            new Applicant(draft("جمعية الأمل للتنمية", BeneficiaryKind.ASSOCIATION, "MA-09", "Tiznit", 180, 15, 0,
                    "0612000101"), "waiting", null, null),
            new Applicant(draft("École Oued Eddahab", BeneficiaryKind.SCHOOL, "MA-12", "Oued Eddahab", 240, 20, 0,
                    "0612000102"), "waiting", null, null),
            new Applicant(draft("Association Tighza", BeneficiaryKind.ASSOCIATION, "MA-07", "Al Haouz", 95, 8, 0,
                    "0612000103"), "ask", "Combien de personnes suivront les cours chaque semaine ?", null),
            new Applicant(draft("مدرسة أنزي", BeneficiaryKind.SCHOOL, "MA-09", "Tiznit", 310, 25, 0, "0612000104"),
                    "reply", "كم عدد الأقسام التي ستستعمل اللوحات؟", "ستة أقسام، من الثالث إلى السادس."),
            new Applicant(new ApplicationDraft("Comité du douar Aït Baha", BeneficiaryKind.CONNECTIVITY_SITE, "MA-07",
                    "Al Haouz", 420, "Une école provisoire sous tente et un dispensaire : WiFi pour les cours et les "
                    + "familles", 0, 30, "Lahcen Aït Baha", "0612000105", null,
                    List.of("Un rapport mensuel du comité", "Dès l'installation"), true,
                    "Raccordé au réseau ; école provisoire à 80 m de la mosquée, mât possible sur le toit"),
                    "accept", null, null),
            new Applicant(draft("Association Sahara Lecture", BeneficiaryKind.ASSOCIATION, "MA-11", "Laâyoune", 60, 5,
                    0, "0612000106"), "decline", "Cette édition sert les régions touchées par le séisme.", null));

    private final Calls calls;
    private final ApplicationReview review;
    private final Networks networks;
    private final Clock clock;

    DemoCalls(Calls calls, ApplicationReview review, Networks networks, Clock clock) {
        this.calls = calls;
        this.review = review;
        this.networks = networks;
        this.clock = clock;
    }

    void build(String slug) {
        if (calls.find(slug).isEmpty()) {
            calls.open(slug, new CallDraft("Appel 2027 : tablettes et données pour les écoles et les douars",
                    Set.of(BeneficiaryKind.values()), List.of(), 50,
                    List.of("Comment rendrez-vous compte de l'usage des données ?", "Quel calendrier de distribution ?"),
                    clock.instant().plus(Duration.ofDays(21))), MANAGER);
        }
        List<String> known = calls.list(slug, null).stream().map(ApplicationView::organisation).toList();
        for (int i = 0; i < APPLICANTS.size(); i++) {
            Applicant applicant = APPLICANTS.get(i);
            if (known.contains(applicant.draft().organisation())) {
                continue;
            }
            Networks.Network network = networks.of("127.60." + (i + 1) + ".1");
            ProofOfWork.Solution proof = solve(calls.challenge(slug, network));
            Calls.Submitted sent = calls.submit(slug, applicant.draft(), proof, network);
            switch (applicant.step()) {
                case "ask" -> review.askMore(sent.reference(), new ApplicationReview.Message(applicant.message()),
                        MANAGER);
                case "reply" -> {
                    review.askMore(sent.reference(), new ApplicationReview.Message(applicant.message()), MANAGER);
                    calls.reply(sent.reference(), sent.key(), applicant.reply());
                }
                case "accept" -> review.accept(sent.reference(), new ApplicationReview.Acceptance(null,
                        "Visite du site prévue avec l'association partenaire"), MANAGER);
                case "decline" -> review.decline(sent.reference(), new ApplicationReview.Message(applicant.message()),
                        MANAGER);
                default -> { }
            }
        }
    }

    private static ApplicationDraft draft(String organisation, BeneficiaryKind kind, String region, String province,
                                          int people, int tablets, int gigabytes, String phone) {
        return new ApplicationDraft(organisation, kind, region, province, people,
                "Cours de soutien et accès aux ressources scolaires en ligne", tablets, gigabytes, "Responsable",
                phone, null, List.of("Un rapport trimestriel avec le nombre d'élèves", "À la rentrée"), null, null);
    }

    /** The puzzle solved as a phone's worker solves it: every number until the hash matches. */
    private static ProofOfWork.Solution solve(ProofOfWork.Challenge challenge) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] target = HexFormat.of().parseHex(challenge.challenge());
            for (long n = 0; n <= challenge.maxNumber(); n++) {
                if (MessageDigest.isEqual(sha.digest((challenge.salt() + n).getBytes(StandardCharsets.UTF_8)), target)) {
                    return new ProofOfWork.Solution(challenge.salt(), n, challenge.signature());
                }
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        throw new ClientError(500, "Demo", "No solution to the demo's puzzle");
    }
}
