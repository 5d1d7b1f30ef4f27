package io.clickgive.session;

import io.clickgive.web.ClientError;
import io.clickgive.crypto.Hmac;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * What a session token vouches for. The token is the fields joined by dots and an HMAC-SHA256 over them, so a batch is
 * checked without a Redis read and a player cannot change its window, cap, shard, region, player, network (the
 * keyed hash of the network it was granted on, for the ledger and the rules it trips) or team.
 */
public record SessionToken(String sessionId, long campaignId, int shard, long startsAt, long endsAt, int maxClicks,
                           String region, String player, String network, long team) {

    private static final String VERSION = "v3";
    private static final int FIELDS = 11;

    /** The same session, counted for the player's team (0: none), as the grant script read it. */
    public SessionToken withTeam(Long team) {
        return new SessionToken(sessionId, campaignId, shard, startsAt, endsAt, maxClicks, region, player, network,
                team == null ? 0 : team);
    }

    public String sign(Hmac key) {
        String payload = String.join(".", VERSION, sessionId, Long.toString(campaignId), Integer.toString(shard),
                Long.toString(startsAt), Long.toString(endsAt), Integer.toString(maxClicks), region, player, network,
                Long.toString(team));
        return payload + "." + mac(key, payload);
    }

    /** The token's claims if one of the keys signed it (the current one, then older ones); otherwise a 401. */
    public static SessionToken verify(String token, List<Hmac> keys) {
        if (token == null || token.length() > 512) {
            throw ClientError.unauthorized("Missing or malformed session token");
        }
        int cut = token.lastIndexOf('.');
        String[] fields = token.split("\\.", -1);
        if (cut < 0 || fields.length != FIELDS + 1 || !VERSION.equals(fields[0])) {
            throw ClientError.unauthorized("Missing or malformed session token");
        }
        String payload = token.substring(0, cut);
        byte[] given = token.substring(cut + 1).getBytes(StandardCharsets.US_ASCII);
        boolean signed = false;
        for (Hmac key : keys) {
            signed |= MessageDigest.isEqual(mac(key, payload).getBytes(StandardCharsets.US_ASCII), given);
        }
        if (!signed) {
            throw ClientError.unauthorized("Invalid session token");
        }
        try {
            return new SessionToken(fields[1], Long.parseLong(fields[2]), Integer.parseInt(fields[3]),
                    Long.parseLong(fields[4]), Long.parseLong(fields[5]), Integer.parseInt(fields[6]), fields[7], fields[8], fields[9],
                    Long.parseLong(fields[10]));
        } catch (NumberFormatException e) {
            throw ClientError.unauthorized("Invalid session token");
        }
    }

    private static String mac(Hmac key, String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(payload));
    }
}
