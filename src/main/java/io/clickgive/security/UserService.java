package io.clickgive.security;

import io.clickgive.common.ClickgiveConfig;
import io.clickgive.web.ClientError;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Users and their roles. The first admin comes from configuration at start-up, only while no admin exists; there is
 * no default password. Distributor users are bound to one organisation, which the distributor API checks.
 */
@ApplicationScoped
@Transactional
public class UserService {

    private final ClickgiveConfig config;
    private final OrganisationDirectory distributors;
    private final Clock clock;

    public UserService(ClickgiveConfig config, OrganisationDirectory distributors, Clock clock) {
        this.clock = clock;
        this.config = config;
        this.distributors = distributors;
    }

    void firstAdmin(@Observes StartupEvent start) {
        if (User.count("role", User.ADMIN) > 0) {
            return;
        }
        Optional<String> password = config.security().adminPassword().filter(p -> !p.isBlank());
        if (password.isEmpty()) {
            Log.warn("No admin user exists and clickgive.security.admin-password is not set: nobody can sign in to "
                    + "manage campaigns until it is");
            return;
        }
        User admin = new User();
        admin.createdAt = clock.instant();
        admin.username = config.security().adminUsername();
        admin.password = BcryptUtil.bcryptHash(password.get(), config.security().bcryptCost());
        admin.role = User.ADMIN;
        admin.persist();
        Log.infof("Created the first admin, '%s', from configuration", admin.username);
    }

    public UserView create(UserDraft draft) {
        if (User.findByUsername(draft.username()).isPresent()) {
            throw ClientError.conflict("A user '" + draft.username() + "' exists already");
        }
        User user = new User();
        user.createdAt = clock.instant();
        user.username = draft.username();
        user.password = BcryptUtil.bcryptHash(draft.password(), config.security().bcryptCost());
        user.role = draft.role();
        if (User.DISTRIBUTOR.equals(draft.role())) {
            if (draft.distributor() == null) {
                throw ClientError.badRequest("A distributor user names its distributor organisation");
            }
            user.distributorId = distributors.require(draft.distributor());
        } else if (draft.distributor() != null) {
            throw ClientError.badRequest("Only distributor users belong to a distributor organisation");
        }
        user.persist();
        return view(user);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserView> list() {
        return User.<User>listAll(Sort.by("username")).stream().map(this::view).toList();
    }

    public void delete(String username, String actor) {
        User user = User.findByUsername(username).orElseThrow(() -> ClientError.notFound("No user '" + username + "'"));
        if (user.username.equals(actor)) {
            throw ClientError.conflict("An admin cannot delete their own account");
        }
        user.delete();
    }

    /** The distributor code a signed-in distributor user acts for; empty for other users. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> organisationOf(String username) {
        return User.findByUsername(username).filter(u -> u.distributorId != null)
                .map(u -> distributors.codeOf(u.distributorId));
    }

    private UserView view(User user) {
        String distributor = user.distributorId == null ? null : distributors.codeOf(user.distributorId);
        return new UserView(user.username, user.role, distributor, user.createdAt);
    }
}
