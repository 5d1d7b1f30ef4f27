package io.clickgive.distribution;

import io.clickgive.web.ClientError;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.TreeSet;

import java.time.Clock;

/** Registers the partner organisations and the regions they serve. */
@ApplicationScoped
@Transactional
public class DistributorService {

    private final Clock clock;

    public DistributorService(Clock clock) {
        this.clock = clock;
    }

    public DistributorView create(DistributorDraft draft) {
        if (Distributor.findByCode(draft.code()).isPresent()) {
            throw ClientError.conflict("A distributor '" + draft.code() + "' exists already");
        }
        Distributor distributor = new Distributor();
        distributor.createdAt = clock.instant();
        apply(draft, distributor);
        distributor.persist();
        return DistributorView.of(distributor);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DistributorView> list() {
        return Distributor.<Distributor>listAll(Sort.by("code")).stream().map(DistributorView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DistributorView get(String code) {
        return DistributorView.of(require(code));
    }

    public DistributorView update(String code, DistributorDraft draft) {
        Distributor distributor = require(code);
        if (!distributor.code.equals(draft.code())) {
            throw ClientError.badRequest("The code of a distributor cannot change");
        }
        apply(draft, distributor);
        return DistributorView.of(distributor);
    }

    /** The distributor with this code, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Distributor require(String code) {
        return Distributor.findByCode(code).orElseThrow(() -> ClientError.notFound("No distributor '" + code + "'"));
    }

    private static void apply(DistributorDraft draft, Distributor distributor) {
        distributor.code = draft.code();
        distributor.name = draft.name().strip();
        distributor.contact = draft.contact();
        distributor.regions.clear();
        distributor.regions.addAll(new TreeSet<>(draft.regions()));
    }
}
