package io.clickgive.distribution;

import io.clickgive.security.OrganisationDirectory;
import jakarta.enterprise.context.ApplicationScoped;

/** The distributors as the users' organisations (security binds a distributor user to one). */
@ApplicationScoped
class DistributorDirectory implements OrganisationDirectory {

    private final DistributorService distributors;

    DistributorDirectory(DistributorService distributors) {
        this.distributors = distributors;
    }

    @Override
    public long require(String code) {
        return distributors.require(code).id;
    }

    @Override
    public String codeOf(long id) {
        return Distributor.<Distributor>findById(id).code;
    }
}
