package io.clickgive.session;

import io.clickgive.identity.Identities;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * What a public request says about who is asking, read the one way every public resource reads it: the identity it
 * sent, its peer address, the X-Forwarded-For a trusted proxy may have added, and the gateway's subscriber header.
 */
@ApplicationScoped
public class Callers {

    private final Identities identities;

    public Callers(Identities identities) {
        this.identities = identities;
    }

    public SessionService.Caller of(String identity, HttpServerRequest http, HttpHeaders headers) {
        return new SessionService.Caller(identity, http.remoteAddress() == null ? "" : http.remoteAddress().hostAddress(),
                headers.getHeaderString("X-Forwarded-For"),
                identities.gatewayHeader().map(headers::getHeaderString).orElse(null));
    }
}
