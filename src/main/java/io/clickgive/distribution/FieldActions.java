package io.clickgive.distribution;

import io.clickgive.common.Resources;
import io.clickgive.common.Rows;
import io.clickgive.web.ClientError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.validation.ConstraintViolationException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Applies the actions a distributor's phone queued, each exactly once. The action's id is claimed in the same
 * transaction as the move it makes (and, for a delivery, its proof), so either both are kept or neither: a resend finds
 * the claim and gets the first answer, a concurrent resend waits on the claim and then reads it. A refused action is
 * recorded with its status and reason in a transaction of its own, so it is refused the same way every time and the
 * phone can show why; nothing of it was kept.
 */
@ApplicationScoped
public class FieldActions {

    private static final String CLAIM = Resources.sql("distribution/field-action-claim");
    private static final String STORED = Resources.sql("distribution/field-action");
    private static final String DELIVERY_EVENT = Resources.sql("distribution/delivery-event");
    private static final String PROOF = Resources.sql("distribution/proof-insert");
    private static final String TABLETS = Resources.sql("distribution/field-tablets");

    /** The answer an action got when it first arrived. */
    private record Stored(boolean done, int status, String message) {
    }

    /** A resend that raced the first arrival: the claim was taken meanwhile. */
    private static final class Claimed extends RuntimeException {
        Claimed() {
            super(null, null, false, false);
        }
    }

    private final DistributorService distributors;
    private final TabletService tablets;
    private final Clock clock;

    FieldActions(DistributorService distributors, TabletService tablets, Clock clock) {
        this.distributors = distributors;
        this.tablets = tablets;
        this.clock = clock;
    }

    /** The distributor's tablets on their way (shipped, assigned) and delivered, as its phone keeps them. */
    public List<FieldTablet> tablets(String distributorCode) {
        long distributor = distributors.require(distributorCode).id;
        Instant since = clock.instant().minus(java.time.Duration.ofDays(30));
        return QuarkusTransaction.requiringNew().call(() -> Rows.list(TABLETS, distributor, since).stream()
                .map(row -> new FieldTablet(Rows.text(row, "serial"), Rows.text(row, "imei"), Rows.text(row, "model"),
                        TabletStatus.valueOf(Rows.text(row, "status")), (int) Rows.number(row, "bundle_megabytes"),
                        Rows.text(row, "bundle_for"), Rows.text(row, "bundle_for_name"),
                        Rows.text(row, "region_code"), Rows.text(row, "assigned_to"), Rows.text(row, "recipient"),
                        Rows.text(row, "delivered_on"))).toList());
    }

    /** Applies the action once; answers it, or refuses it (ClientError) as it was refused the first time. */
    public FieldAnswer apply(String distributorCode, FieldAction action, String actor) {
        long distributor = distributors.require(distributorCode).id;
        Optional<Stored> earlier = QuarkusTransaction.requiringNew().call(() -> stored(distributor, action));
        if (earlier.isPresent()) {
            return replay(earlier.get(), action, distributorCode);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!claim(distributor, action, actor, null)) {
                    throw new Claimed();
                }
                perform(distributorCode, action, actor);
                return new FieldAnswer(action.clientId(), action.kind(), action.serial(), false,
                        now(action.serial(), distributorCode));
            });
        } catch (Claimed raced) {
            return replay(QuarkusTransaction.requiringNew().call(() -> stored(distributor, action)).orElseThrow(), action,
                    distributorCode);
        } catch (ClientError | ConstraintViolationException refusal) {
            ClientError refused = refusal instanceof ClientError error ? error : invalid((ConstraintViolationException) refusal);
            boolean recorded = QuarkusTransaction.requiringNew().call(() -> claim(distributor, action, actor, refused));
            if (!recorded) { // a concurrent arrival of the same action decided first
                return replay(QuarkusTransaction.requiringNew().call(() -> stored(distributor, action)).orElseThrow(),
                        action, distributorCode);
            }
            throw refused;
        }
    }

    private void perform(String distributorCode, FieldAction action, String actor) {
        switch (action.kind()) {
            case ASSIGN -> {
                if (action.beneficiary() == null || action.beneficiary().isBlank()) {
                    throw ClientError.badRequest("beneficiary: the beneficiary the tablet is for");
                }
                tablets.assign(distributorCode, new TabletOrders.Assign(List.of(action.serial()),
                        action.beneficiary().strip()), actor);
            }
            case DELIVER -> {
                if (action.signature() == null || action.signature().isBlank()) {
                    throw ClientError.badRequest("signature: the recipient signs on the screen");
                }
                ProofImage signature = ProofImage.of("signature", action.signature(), ProofImage.SIGNATURE_BYTES);
                ProofImage photo = action.photo() == null || action.photo().isBlank() ? null
                        : ProofImage.of("photo", action.photo(), ProofImage.PHOTO_BYTES);
                if (action.deliveredOn() == null || action.recipient() == null || action.recipient().isBlank()) {
                    throw ClientError.badRequest("deliveredOn and recipient: when, and to whom, the tablet was handed");
                }
                String note = action.note() == null || action.note().isBlank() ? null : action.note().strip();
                tablets.deliver(distributorCode, new TabletOrders.Deliver(List.of(new TabletOrders.Delivery(
                        action.serial(), action.deliveredOn(), action.recipient().strip(), note))), actor);
                Tuple event = Rows.single(DELIVERY_EVENT, action.serial());
                Rows.single(PROOF, Rows.number(event, "event_id"), Rows.number(event, "tablet_id"), signature.bytes(),
                        signature.type(), photo == null ? null : photo.bytes(), photo == null ? null : photo.type());
            }
        }
    }

    private boolean claim(long distributor, FieldAction action, String actor, ClientError refused) {
        Instant now = clock.instant();
        return !Rows.list(CLAIM, distributor, action.clientId(), action.kind().name(), action.serial(),
                refused == null ? "DONE" : "REFUSED", refused == null ? 200 : refused.status(),
                refused == null ? null : message(refused), actor, action.madeAt() == null ? now : action.madeAt(),
                now).isEmpty();
    }

    private static Optional<Stored> stored(long distributor, FieldAction action) {
        List<Tuple> rows = Rows.list(STORED, distributor, action.clientId());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Tuple row = rows.get(0);
        if (!Rows.text(row, "serial").equals(action.serial()) || !Rows.text(row, "kind").equals(action.kind().name())) {
            // The same id for another action: a phone's bug, or a guess at another action's answer.
            throw ClientError.conflict("clientId " + action.clientId() + " was used for another action");
        }
        return Optional.of(new Stored(Rows.text(row, "outcome").equals("DONE"), (int) Rows.number(row, "status"),
                Rows.text(row, "message")));
    }

    private FieldAnswer replay(Stored stored, FieldAction action, String distributorCode) {
        if (!stored.done()) {
            throw switch (stored.status()) {
                case 404 -> ClientError.notFound(stored.message());
                case 409 -> ClientError.conflict(stored.message());
                default -> ClientError.badRequest(stored.message());
            };
        }
        return new FieldAnswer(action.clientId(), action.kind(), action.serial(), true,
                QuarkusTransaction.requiringNew().call(() -> now(action.serial(), distributorCode)));
    }

    /**
     * The tablet as it stands now, without its history; none once it has left this distributor (a replay long after,
     * when another carries it, must not tell who).
     */
    private TabletView now(String serial, String distributorCode) {
        TabletView t = tablets.get(serial);
        if (!distributorCode.equals(t.distributor())) {
            return null;
        }
        return new TabletView(t.serial(), t.imei(), t.model(), t.status(), t.bundle(), t.bundleMegabytes(),
                t.distributor(), t.beneficiary(), t.deliveredOn(), t.recipient(), t.note(), List.of());
    }

    private static String message(ClientError refused) {
        List<String> problems = refused.problems();
        return problems == null || problems.isEmpty() ? refused.getMessage()
                : refused.getMessage() + ": " + String.join("; ", problems);
    }

    private static ClientError invalid(ConstraintViolationException invalid) {
        return ClientError.badRequest(invalid.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
    }
}
