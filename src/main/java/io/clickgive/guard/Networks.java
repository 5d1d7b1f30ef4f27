package io.clickgive.guard;

import io.clickgive.common.ClickgiveConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HexFormat;

/**
 * The networks a client address belongs to, as the internet hands them out: an IPv4 subscriber gets one address (and a
 * provider's customers share a /24), an IPv6 subscriber gets a whole /64 (and a site a /48). Rotating addresses inside
 * one's own prefix must not make a new network, so limits go by prefix, not by address string.
 */
@ApplicationScoped
public class Networks {

    /** A client's network and the wider prefix that holds it, as text ("4:203.0.113.7/32", "6:20010db8…/64"). */
    public record Network(String narrow, String wide) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final int ipv4Prefix;
    private final int ipv4WidePrefix;
    private final int ipv6Prefix;
    private final int ipv6WidePrefix;

    @Inject
    public Networks(ClickgiveConfig config) {
        this(config.guard().ipv4Prefix(), config.guard().ipv4WidePrefix(), config.guard().ipv6Prefix(),
                config.guard().ipv6WidePrefix());
    }

    Networks(int ipv4Prefix, int ipv4WidePrefix, int ipv6Prefix, int ipv6WidePrefix) {
        if (ipv4Prefix < 1 || ipv4Prefix > 32 || ipv4WidePrefix < 1 || ipv4WidePrefix > ipv4Prefix
                || ipv6Prefix < 1 || ipv6Prefix > 128 || ipv6WidePrefix < 1 || ipv6WidePrefix > ipv6Prefix) {
            throw new IllegalArgumentException("Network prefixes must satisfy 1 ≤ wide ≤ narrow ≤ 32 (IPv4) or 128 (IPv6)");
        }
        this.ipv4Prefix = ipv4Prefix;
        this.ipv4WidePrefix = ipv4WidePrefix;
        this.ipv6Prefix = ipv6Prefix;
        this.ipv6WidePrefix = ipv6WidePrefix;
    }

    /**
     * The networks of an address. An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is the IPv4 address it maps. Anything
     * that is not an address literal (it cannot happen for a peer, only for a misconfigured proxy) is a network of its
     * own, named by its text.
     */
    public Network of(String address) {
        byte[] bytes = TrustedProxies.literal(address);
        if (bytes == null) {
            return new Network("?:" + address, "?:" + address);
        }
        if (bytes.length == 16 && isMappedIpv4(bytes)) {
            bytes = java.util.Arrays.copyOfRange(bytes, 12, 16);
        }
        if (bytes.length == 4) {
            return new Network(prefix("4:", bytes, ipv4Prefix), prefix("4:", bytes, ipv4WidePrefix));
        }
        return new Network(prefix("6:", bytes, ipv6Prefix), prefix("6:", bytes, ipv6WidePrefix));
    }

    private static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    /** The address's first {@code bits} bits (the rest zeroed), in hex, with the length: "4:cb007100/24". */
    private static String prefix(String family, byte[] bytes, int bits) {
        byte[] masked = new byte[(bits + 7) / 8];
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.min(8, bits - i * 8);
            masked[i] = (byte) (bytes[i] & (0xff << (8 - keep)));
        }
        return family + HEX.formatHex(masked) + "/" + bits;
    }
}
