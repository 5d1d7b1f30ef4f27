package io.clickgive.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the client's address behind our own proxies: X-Forwarded-For is read from the right, and the first hop that
 * is not one of our proxies is the client. Hops a client wrote itself lie further left and are never reached, so
 * nobody can choose the address (and so the rate-limit bucket) they are counted under.
 */
public final class TrustedProxies {

    /** An address block: its first address and the length of its prefix. */
    private record Block(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<Block> blocks;

    /** @param cidrs blocks such as {@code 10.0.0.0/8}, {@code 127.0.0.1} or {@code fd00::/8} */
    public TrustedProxies(List<String> cidrs) {
        List<Block> parsed = new ArrayList<>();
        for (String cidr : cidrs) {
            String trimmed = cidr.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int slash = trimmed.indexOf('/');
            byte[] network = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("Not an IP address block: " + cidr);
            }
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in " + cidr);
            }
            parsed.add(new Block(network, prefix));
        }
        this.blocks = List.copyOf(parsed);
    }

    /**
     * @param peer          the address the connection came from
     * @param forwardedFor  the X-Forwarded-For header, or null
     * @return the rightmost address that is not a trusted proxy
     */
    public String client(String peer, String forwardedFor) {
        if (!trusted(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (literal(hop) == null) {
                return client; // garbage from further left cannot be trusted; the last proxy's peer is the best we know
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    public boolean trusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && blocks.stream().anyMatch(b -> b.contains(bytes));
    }

    /** The bytes of a numeric IPv4 or IPv6 address; null for anything else (never a DNS look-up). */
    static byte[] literal(String address) {
        if (address == null || address.isEmpty() || address.length() > 45) {
            return null;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (Character.digit(c, 16) < 0 && c != '.' && c != ':') {
                return null;
            }
        }
        if (address.indexOf(':') < 0 && !IPV4.matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }
}
